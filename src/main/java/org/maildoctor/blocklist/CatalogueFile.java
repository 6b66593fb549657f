package org.maildoctor.blocklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.dns.DnsNameException;

/**
 * The catalogue's YAML form, shared by the shipped file and a user's override file. An override's
 * entries are merged into the base by {@code id}, field by field (so {@code {id: spamhaus-zen,
 * zone: KEY.zen.dq.spamhaus.net}} changes only the zone); new ids must be complete lists;
 * {@code replace: true} drops the base. Unknown keys are errors, so a typo never passes silently.
 */
final class CatalogueFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("lists", "replace");
    private static final Set<String> FIELDS = Set.of("id", "name", "zone", "kind", "ipv6", "scheme", "codes", "errors",
            "verified", "codeSource", "delisting", "note", "enabled", "probe", "server", "timeout");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private CatalogueFile() {
    }

    /**
     * @param base the catalogue an override applies to; null when {@code yaml} is a complete catalogue
     * @throws IllegalArgumentException naming {@code source} and the list at fault
     */
    static Catalogue parse(String yaml, String source, Catalogue base) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with a 'lists' sequence");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP.contains(k)) {
                throw new IllegalArgumentException(source + ": unknown key '" + k + "' (expected: lists, replace)");
            }
        }
        JsonNode lists = root.path("lists");
        if (!lists.isMissingNode() && !lists.isArray()) {
            throw new IllegalArgumentException(source + ": 'lists' must be a sequence");
        }
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        if (base != null && !root.path("replace").asBoolean(false)) {
            for (Blocklist l : base.lists()) {
                merged.put(l.id(), toNode(l));
            }
        }
        int index = 0;
        for (JsonNode entry : lists) {
            index++;
            if (!entry.isObject() || !entry.path("id").isTextual()) {
                throw new IllegalArgumentException(source + ": list #" + index + " needs an 'id' (a text; quote ids such as 'on' or 'no' that YAML reads as booleans)");
            }
            String id = entry.get("id").asText();
            for (Iterator<String> it = entry.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!FIELDS.contains(k)) {
                    throw new IllegalArgumentException(source + ": list " + id + ": unknown key '" + k + "'");
                }
            }
            ObjectNode existing = merged.get(id);
            if (existing != null) {
                existing.setAll((ObjectNode) entry);
            } else {
                merged.put(id, ((ObjectNode) entry).deepCopy());
            }
        }
        List<Blocklist> out = new ArrayList<>();
        for (ObjectNode node : merged.values()) {
            String id = node.path("id").asText();
            try {
                out.add(fromNode(node));
            } catch (DnsNameException e) {
                throw new IllegalArgumentException(source + ": list " + id + ": zone: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": list " + id + ": " + e.getMessage());
            }
        }
        try {
            return new Catalogue(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    private static Blocklist fromNode(ObjectNode n) {
        ListKind kind = parseEnum(ListKind.class, required(n, "kind"), "kind");
        CodeScheme scheme = n.has("scheme") ? parseEnum(CodeScheme.class, n.get("scheme").asText(), "scheme")
                : CodeScheme.EXACT;
        ProbePoints probe = ProbePoints.defaultFor(kind);
        if (n.has("probe")) {
            JsonNode p = n.get("probe");
            probe = new ProbePoints(p.path("listed").asText(probe.listed()), p.path("clean").asText(probe.clean()));
        }
        return new Blocklist(n.get("id").asText(), required(n, "name"), required(n, "zone"), kind,
                n.path("ipv6").asBoolean(false), scheme, codes(n.path("codes"), "codes", true),
                codes(n.path("errors"), "errors", false), n.path("verified").asBoolean(false),
                n.path("codeSource").asText("unverified"), required(n, "delisting"), text(n, "note"),
                n.path("enabled").asBoolean(true), probe, text(n, "server").map(ListServer::parse),
                text(n, "timeout").map(CatalogueFile::duration));
    }

    private static List<ReturnCode> codes(JsonNode node, String field, boolean withSublist) {
        List<ReturnCode> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + " must be a mapping of code to meaning");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                out.add(new ReturnCode(e.getKey(), v.asText(), Optional.empty()));
            } else if (v.isObject() && v.path("meaning").isTextual()) {
                out.add(new ReturnCode(e.getKey(), v.get("meaning").asText(),
                        withSublist ? text(v, "sublist") : Optional.empty()));
            } else {
                throw new IllegalArgumentException(field + " " + e.getKey() + ": give a meaning");
            }
        }
        return out;
    }

    private static ObjectNode toNode(Blocklist l) {
        ObjectNode n = YAML.createObjectNode();
        n.put("id", l.id()).put("name", l.name()).put("zone", l.zone()).put("kind", l.kind().code())
                .put("ipv6", l.ipv6()).put("scheme", l.scheme().code()).put("verified", l.verified())
                .put("codeSource", l.codeSource()).put("delisting", l.delisting()).put("enabled", l.enabled());
        l.note().ifPresent(x -> n.put("note", x));
        ObjectNode codes = n.putObject("codes");
        for (ReturnCode c : l.codes()) {
            ObjectNode v = codes.putObject(c.code()).put("meaning", c.meaning());
            c.sublist().ifPresent(s -> v.put("sublist", s));
        }
        ObjectNode errors = n.putObject("errors");
        l.errors().forEach(e -> errors.put(e.code(), e.meaning()));
        n.putObject("probe").put("listed", l.probe().listed()).put("clean", l.probe().clean());
        l.server().ifPresent(s -> n.put("server", s.toString()));
        l.timeout().ifPresent(t -> n.put("timeout", t.toMillis() + "ms"));
        return n;
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return v.asText();
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("timeout '" + text + "': use e.g. 500ms, 2s, 1m");
        }
        long v = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(v);
            case "s" -> Duration.ofSeconds(v);
            default -> Duration.ofMinutes(v);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return d;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
