package org.maildoctor.auth.arc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maildoctor.dns.FakeZone;

/**
 * The ARC fixtures in src/test/resources/arc, made by dkimpy (see generate.py there): messages,
 * the key records as a FakeZone, and dkimpy's arc_verify verdict per case.
 */
public final class ArcFixtures {
    private ArcFixtures() {
    }

    public static byte[] message(String name) {
        try (InputStream in = ArcFixtures.class.getResourceAsStream("/arc/" + name + ".eml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeZone zone() {
        return into(FakeZone.builder()).build();
    }

    /** Adds the fixtures' key records to a zone being built. */
    public static FakeZone.Builder into(FakeZone.Builder b) {
        rows("dns.tsv").forEach((name, cells) -> b.txt(name, cells[2]));
        return b;
    }

    /** case → dkimpy's cv ("pass", "fail", "none", or "terminated" for its chain-ended None). */
    static Map<String, String> dkimpyVerdicts() {
        Map<String, String> out = new LinkedHashMap<>();
        rows("expected.tsv").forEach((name, cells) -> out.put(name, cells[1]));
        return out;
    }

    private static Map<String, String[]> rows(String file) {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (InputStream in = ArcFixtures.class.getResourceAsStream("/arc/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> {
                String[] cells = l.split("\t", -1);
                out.put(cells[0], cells);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
