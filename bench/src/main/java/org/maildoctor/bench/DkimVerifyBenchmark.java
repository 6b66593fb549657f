package org.maildoctor.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimKeyGenerator;
import org.maildoctor.auth.dkim.DkimPrivateKeys;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.DkimSigner;
import org.maildoctor.auth.dkim.DkimSigningKey;
import org.maildoctor.auth.dkim.DkimVerdict;
import org.maildoctor.auth.dkim.DkimVerifier;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.auth.dkim.SignOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 4 part 6: DKIM verification of a ~10 KB message signed with RSA-2048 (target ≥ 10,000/s).
 * The message is signed once in setup with the project's own signer and key generator; each
 * invocation runs the full verifier (split, canonicalize, body hash, key lookup from an in-memory
 * zone, RSA verify), as a receiver would per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DkimVerifyBenchmark {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    DkimVerifier verifier;
    byte[] signed;

    /** A plain-text message of about {@code bodyBytes} body octets, CRLF line ends, ordinary headers. */
    static byte[] message(int bodyBytes) {
        StringBuilder sb = new StringBuilder()
                .append("From: Shop <news@shop.example>\r\n")
                .append("To: customer@example.net\r\n")
                .append("Subject: Your weekly offers\r\n")
                .append("Date: Mon, 01 Jun 2026 00:00:00 +0000\r\n")
                .append("Message-ID: <bench-1@shop.example>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=utf-8\r\n")
                .append("\r\n");
        int line = 0;
        while (sb.length() < bodyBytes) {
            sb.append("Line ").append(line++).append(": the quick brown fox jumps over the lazy dog,  twice.\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Signs a 10 KB message with a fresh RSA-2048 key; the zone gets the matching key record. */
    static byte[] signedMessage(MapZone zone) {
        GeneratedDkimKey key = new DkimKeyGenerator().generate("shop.example", "bench", DkimAlgorithm.KeyType.RSA, 2048);
        zone.txt(key.dnsName(), key.recordStrings().toArray(String[]::new));
        DkimSigner signer = new DkimSigner(new DkimSigningKey("shop.example", "bench",
                DkimPrivateKeys.parse(key.privateKeyPem()).orElseThrow()), CLOCK);
        SignOutcome out = signer.sign(message(10 * 1024));
        if (!(out instanceof SignOutcome.Signed s)) {
            throw new IllegalStateException("could not sign: " + out);
        }
        return s.message();
    }

    @Setup
    public void setUp() {
        MapZone zone = new MapZone();
        signed = signedMessage(zone);
        verifier = new DkimVerifier(zone, CLOCK);
        List<DkimSignatureResult> r = verifier.verify(signed);
        if (r.size() != 1 || r.getFirst().verdict() != DkimVerdict.PASS) {
            throw new IllegalStateException("benchmark message does not verify: " + r);
        }
    }

    @Benchmark
    public List<DkimSignatureResult> verify10kRsa2048() {
        return verifier.verify(signed);
    }
}
