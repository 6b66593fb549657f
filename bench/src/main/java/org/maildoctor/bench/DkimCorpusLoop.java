package org.maildoctor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.auth.dkim.DkimVerdict;
import org.maildoctor.auth.dkim.DkimVerifier;
import org.maildoctor.dns.RecordType;

/**
 * Verifies every signed message of the DKIM corpus in a loop, in-process, for the side-by-side
 * with dkimpy (bench/dkim-vs-dkimpy.sh); keys come from dns.tsv in an in-memory zone. Also writes
 * a 10 KB RSA-2048 message signed by our signer (and its key record) to OUT_DIR so the Python
 * driver verifies the very same bytes, and times that message alone.
 *
 * <p>Usage: {@code DkimCorpusLoop CORPUS_DIR OUT_DIR [warmupRounds] [rounds]}.
 */
public final class DkimCorpusLoop {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 100;

        MapZone zone = new MapZone();
        List<String> dns = Files.readAllLines(corpus.resolve("dns.tsv"));
        for (String line : dns.subList(1, dns.size())) {
            String[] c = line.split("\t", -1);
            switch (c[1]) {
                case "TXT" -> zone.txt(c[0], c[2]);
                case "NXDOMAIN" -> { } // any name not in the zone is NXDOMAIN
                // SERVFAIL and TIMEOUT are both temporary errors to a DKIM verifier (RFC 6376 6.1.2)
                case "TIMEOUT", "SERVFAIL" -> zone.timeout(c[0], RecordType.TXT);
                default -> throw new IllegalStateException("dns.tsv: " + line);
            }
        }
        List<byte[]> messages = new ArrayList<>();
        int signatures = 0;
        List<String> expected = Files.readAllLines(corpus.resolve("expected.tsv"));
        for (String line : expected.subList(1, expected.size())) {
            String[] c = line.split("\t", -1);
            int nsigs = Integer.parseInt(c[1]);
            if (nsigs > 0) { // unsigned messages measure nothing but the header scan
                messages.add(Files.readAllBytes(corpus.resolve(c[0])));
                signatures += nsigs;
            }
        }
        DkimVerifier verifier = new DkimVerifier(zone, CLOCK);
        int pass = 0;
        for (byte[] m : messages) {
            pass += DkimVerdict.overall(verifier.verify(m)) == DkimVerdict.PASS ? 1 : 0;
        }
        double perMessage = time(verifier, messages, warmup, rounds);
        System.out.printf(Locale.ROOT, "maildoctor DKIM corpus: %d signed messages (%d signatures), %d pass; "
                        + "%d rounds: %.2f us/message, %.2f us/signature%n", messages.size(), signatures, pass, rounds,
                perMessage, perMessage * messages.size() / signatures);

        // The case: 10 KB, RSA-2048, our signer. Written out so dkimpy verifies the same bytes.
        MapZone zone2048 = new MapZone();
        byte[] signed = DkimVerifyBenchmark.signedMessage(zone2048);
        Files.createDirectories(out);
        Files.write(out.resolve("rsa2048-10k.eml"), signed);
        String keyName = "bench._domainkey.shop.example";
        String keyText = zone2048.lookupNow(keyName, RecordType.TXT).recordsOrEmpty().getFirst().value();
        Files.writeString(out.resolve("rsa2048-10k.tsv"), keyName + "\t"
                + keyText.replace("\" \"", "").replace("\"", "") + "\n", StandardCharsets.US_ASCII);
        DkimVerifier v2048 = new DkimVerifier(zone2048, CLOCK);
        String verdict = DkimVerdict.overall(v2048.verify(signed)).word();
        double us2048 = time(v2048, List.of(signed), warmup * 20, rounds * 20);
        System.out.printf(Locale.ROOT, "maildoctor DKIM 10 KB RSA-2048 (%d bytes, %s): %.2f us/verification%n",
                signed.length, verdict, us2048);
    }

    /** Microseconds per message over {@code rounds} passes, after {@code warmup} untimed ones. */
    private static double time(DkimVerifier verifier, List<byte[]> messages, int warmup, int rounds) {
        long sink = 0;
        for (int r = 0; r < warmup; r++) {
            for (byte[] m : messages) {
                sink += verifier.verify(m).size();
            }
        }
        long t0 = BenchClock.nanos();
        for (int r = 0; r < rounds; r++) {
            for (byte[] m : messages) {
                sink += verifier.verify(m).size();
            }
        }
        long elapsed = BenchClock.nanos() - t0;
        if (sink == 42) {
            System.out.print(""); // keeps sink observable
        }
        return elapsed / 1e3 / ((double) rounds * messages.size());
    }
}
