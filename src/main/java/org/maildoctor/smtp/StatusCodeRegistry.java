package org.maildoctor.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IANA enhanced status code registry as shipped in {@code data/smtp-enhanced-status-codes.csv}
 * (the 2017 copy plus the rows registered since; see {@code data/SOURCES.md}).
 */
public final class StatusCodeRegistry {

    static final String RESOURCE = "/data/smtp-enhanced-status-codes.csv";

    private final Map<String, RegisteredCode> codes;

    StatusCodeRegistry(List<RegisteredCode> rows) {
        Map<String, RegisteredCode> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.code(), r));
        this.codes = Collections.unmodifiableMap(m);
    }

    public static StatusCodeRegistry standard() {
        return Holder.STANDARD;
    }

    public Optional<RegisteredCode> lookup(EnhancedStatus status) {
        return Optional.ofNullable(codes.get(status.registryKey()));
    }

    public Optional<RegisteredCode> lookup(String registryKey) {
        return EnhancedStatus.registryKeyOf(registryKey).map(codes::get);
    }

    public List<RegisteredCode> all() {
        return List.copyOf(codes.values());
    }

    private static final class Holder {
        static final StatusCodeRegistry STANDARD = load();
    }

    static StatusCodeRegistry load() {
        try (InputStream in = StatusCodeRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            List<List<String>> rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<RegisteredCode> codes = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() < 5) {
                    throw new IllegalStateException("short row in " + RESOURCE + ": " + row);
                }
                codes.add(new RegisteredCode(row.get(0).strip(), oneLine(row.get(1)), oneLine(row.get(2)),
                        oneLine(row.get(3)), oneLine(row.get(4))));
            }
            return new StatusCodeRegistry(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry wraps descriptions at 70 columns; the line breaks carry no meaning. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
