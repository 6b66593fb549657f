package org.maildoctor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.Mbox;
import org.maildoctor.bounce.ParseOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 3 part 7: the bounce parser over the whole bounce corpus in-process (target ≥ 30,000
 * messages/s on one core). Setup reads every mail file of the corpus (.eml, the mbox files split
 * into their messages, and the SES/SendGrid webhook JSON samples) into memory; each benchmark
 * invocation parses the next message, round robin, so the score is messages per second over the
 * corpus's real mix (bounces of every dialect, CRLF and bare-CR copies, feedback reports, auto-replies,
 * ordinary mail). No file I/O is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BounceParseBenchmark {

    /** The corpus folder; the default works when JMH runs from the repository root. */
    @Param("src/test/resources/corpora/bounces")
    public String corpus;

    byte[][] messages;
    int next;
    BounceParser parser;

    @Setup
    public void setUp() {
        messages = load(Path.of(corpus)).toArray(byte[][]::new);
        parser = BounceParser.standard();
        int bounces = 0;
        for (byte[] m : messages) {
            bounces += parser.parse(m) instanceof ParseOutcome.Bounces ? 1 : 0;
        }
        if (messages.length < 850 || bounces < 800) {
            throw new IllegalStateException("corpus not found or not parsed: " + messages.length + " messages, "
                    + bounces + " bounces, under " + Path.of(corpus).toAbsolutePath());
        }
        System.out.printf("%n# corpus: %d messages, %d with a bounce result%n", messages.length, bounces);
    }

    /** Every message of the corpus: mail files, mbox files split, webhook JSON as is. */
    static List<byte[]> load(Path dir) {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".eml") || name.endsWith(".json")) {
                    out.add(Files.readAllBytes(f));
                } else if (f.getParent().getFileName().toString().equals("mbox")) {
                    out.addAll(Mbox.split(Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Benchmark
    public ParseOutcome parseNextMessage() {
        byte[] m = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return parser.parse(m);
    }
}
