package org.maildoctor.auth.dkim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/** The DKIM corpus in src/test/resources/corpora/dkim: files, dns.tsv as a FakeZone, expected.tsv rows. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    static Path root() {
        try {
            return Path.of(CorpusFiles.class.getResource("/corpora/dkim").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    /** dns.tsv: TXT (value may be empty), NXDOMAIN, TIMEOUT, SERVFAIL; any other name is NXDOMAIN. */
    static FakeZone zone() {
        FakeZone.Builder b = FakeZone.builder();
        for (Map<String, String> row : tsv("dns.tsv")) {
            String name = row.get("name");
            switch (row.get("type")) {
                case "TXT" -> b.txt(name, row.get("value"));
                case "NXDOMAIN" -> b.nxdomain(name);
                case "TIMEOUT" -> b.timeout(name, RecordType.TXT);
                case "SERVFAIL" -> b.servfail(name);
                default -> throw new IllegalStateException("dns.tsv: unknown type " + row.get("type"));
            }
        }
        return b.build();
    }

    /** Rows of a tab-separated file with a header line, as column → value. */
    static List<Map<String, String>> tsv(String relative) {
        List<String> lines = text(relative).lines().toList();
        String[] header = lines.getFirst().split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
