package org.maildoctor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.batch.TimeCappedParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 3 part 6: what the per-message time cap costs. The same corpus messages (the .eml files of
 * src/test/resources/corpora/bounces, round robin) parsed directly and through {@link TimeCappedParser}
 * (one reused worker thread, park/unpark hand-over). Throughput is messages/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BounceTimeCapBenchmark {
    List<byte[]> messages;
    int next;
    BounceParser parser;
    TimeCappedParser capped;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("corpus", "src/test/resources/corpora/bounces"));
        messages = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                messages.add(Files.readAllBytes(p));
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalStateException("no .eml under " + dir.toAbsolutePath() + " (run from the repository root)");
        }
        parser = BounceParser.standard();
        capped = new TimeCappedParser(parser, Duration.ofSeconds(10));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        capped.close();
    }

    private byte[] nextMessage() {
        byte[] m = messages.get(next);
        next = (next + 1) % messages.size();
        return m;
    }

    @Benchmark
    public Object direct() {
        return parser.parse(nextMessage());
    }

    @Benchmark
    public Object timeCapped() {
        return capped.parse(nextMessage());
    }
}
