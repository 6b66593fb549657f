package org.maildoctor.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.batch.BatchListener;
import org.maildoctor.bounce.batch.BounceBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 3 part 6: what the batch's per-message time cap costs. The corpus .eml files (run from the
 * repository root) parsed in a plain loop, and the same messages as one in-memory mbox through
 * {@link BounceBatch} (mbox streaming + time cap + listener). Scores are messages/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BounceTimeCapBenchmark {
    /** The number of corpus .eml files at the time of writing; setup checks it. */
    static final int MESSAGES = 833;

    List<byte[]> messages;
    byte[] mbox;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("corpus", "src/test/resources/corpora/bounces"));
        messages = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                if (messages.size() == MESSAGES) {
                    break;
                }
                byte[] b = Files.readAllBytes(p);
                messages.add(b);
                all.write("From bench@example.org Sun Dec  6 01:00:00 2026\nX-Bench: 1\n".getBytes(StandardCharsets.US_ASCII));
                all.write(b);
                all.write('\n');
            }
        }
        if (messages.size() != MESSAGES) {
            throw new IllegalStateException("expected " + MESSAGES + " .eml under " + dir.toAbsolutePath() + ", found " + messages.size());
        }
        mbox = all.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void direct(Blackhole bh) {
        BounceParser p = BounceParser.standard();
        for (byte[] m : messages) {
            bh.consume(p.parse(m));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void batchWithTimeCap(Blackhole bh) throws IOException {
        BounceBatch b = new BounceBatch(BounceParser.standard(), Duration.ofSeconds(10), new BatchListener() {
            @Override
            public void result(String source, long message, BounceResult r) {
                bh.consume(r);
            }

            @Override
            public void warning(String source, String text) {
                bh.consume(text);
            }
        }, null, Year.of(2026));
        b.read("bench.mbox", new ByteArrayInputStream(mbox));
    }
}
