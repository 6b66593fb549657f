package org.maildoctor.blocklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lists maildoctor knows: the shipped {@code data/blocklists.yml}, optionally merged with a
 * user's file ({@link CatalogueFile}) that changes zones (a Spamhaus Data Query Service key, a
 * local rbldnsd), adds lists, disables some, or replaces the whole catalogue.
 */
public record Catalogue(List<Blocklist> lists) {
    static final String RESOURCE = "/data/blocklists.yml";
    private static volatile Catalogue shipped;

    public Catalogue {
        lists = List.copyOf(lists);
        Set<String> ids = new HashSet<>();
        for (Blocklist l : lists) {
            if (!ids.add(l.id())) {
                throw new IllegalArgumentException("list id '" + l.id() + "' appears twice");
            }
        }
    }

    /** The catalogue shipped in the jar. */
    public static Catalogue shipped() {
        Catalogue c = shipped;
        if (c == null) {
            try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " missing from the classpath");
                }
                c = CatalogueFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = c;
        }
        return c;
    }

    /** The shipped catalogue with a user's file applied (see docs/cli-blocklist.md). */
    public Catalogue withOverrides(String yaml, String source) {
        return CatalogueFile.parse(yaml, source, this);
    }

    public Optional<Blocklist> byId(String id) {
        return lists.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lists checked by default. */
    public List<Blocklist> enabled() {
        return lists.stream().filter(Blocklist::enabled).toList();
    }

    /**
     * The lists with these ids (disabled ones included: asking by name means asking), in catalogue
     * order; all enabled lists when {@code ids} is empty.
     *
     * @throws IllegalArgumentException naming the unknown ids and the known ones
     */
    public List<Blocklist> select(Collection<String> ids) {
        if (ids.isEmpty()) {
            return enabled();
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        List<String> unknown = new ArrayList<>(wanted);
        unknown.removeIf(id -> byId(id).isPresent());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown list " + String.join(", ", unknown) + " (known: "
                    + lists.stream().map(Blocklist::id).collect(Collectors.joining(", ")) + ")");
        }
        return lists.stream().filter(l -> wanted.contains(l.id())).toList();
    }
}
