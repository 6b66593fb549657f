package org.maildoctor.warmup.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar warm-up text is generated from: slots ({@code @weekday = Monday | …}), shared parts
 * (greetings, openings, closings, sign-offs, reply lines, quote headers) and topics with their own
 * subjects and body sentences. {@link #fill} expands {@code {slot}} references, choosing a value anew
 * for each, so one template yields many sentences. The shipped bank is {@code data/warmup-phrases.txt}.
 */
public final class SentenceBank {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final int MAX_DEPTH = 4;

    /** One everyday business topic: its subject templates and body sentences. */
    public record Topic(String name, List<String> subjects, List<String> bodies) {
        public Topic {
            subjects = List.copyOf(subjects);
            bodies = List.copyOf(bodies);
        }
    }

    private final Map<String, List<String>> slots;
    private final Map<String, List<String>> parts;
    private final List<Topic> topics;

    private SentenceBank(Map<String, List<String>> slots, Map<String, List<String>> parts, List<Topic> topics) {
        this.slots = Map.copyOf(slots);
        this.parts = Map.copyOf(parts);
        this.topics = List.copyOf(topics);
    }

    private static final class Shipped {
        static final SentenceBank BANK = load();

        private static SentenceBank load() {
            try (InputStream in = SentenceBank.class.getResourceAsStream("/data/warmup-phrases.txt")) {
                if (in == null) {
                    throw new IllegalStateException("data/warmup-phrases.txt is missing from the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static SentenceBank shipped() {
        return Shipped.BANK;
    }

    /** Reads the bank format; throws {@link IllegalArgumentException} naming the line that is wrong. */
    public static SentenceBank parse(String text) {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        Map<String, List<String>> parts = new LinkedHashMap<>();
        List<Topic> topics = new ArrayList<>();
        String topic = null;
        Map<String, List<String>> topicParts = new LinkedHashMap<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[topic ") && t.endsWith("]")) {
                    if (topic != null) {
                        topics.add(topic(topic, topicParts, n));
                    }
                    topic = t.substring(7, t.length() - 1).strip();
                    topicParts = new LinkedHashMap<>();
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("line " + n + ": expected 'name = a | b'");
                }
                String name = t.substring(0, eq).strip();
                List<String> values = Arrays.stream(t.substring(eq + 1).split("\\|")).map(String::strip)
                        .filter(v -> !v.isEmpty()).toList();
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("line " + n + ": " + name + " has no values");
                }
                Map<String, List<String>> into = name.startsWith("@") ? slots : topic == null ? parts : topicParts;
                into.computeIfAbsent(name.startsWith("@") ? name.substring(1) : name, k -> new ArrayList<>())
                        .addAll(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (topic != null) {
            topics.add(topic(topic, topicParts, n));
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("the sentence bank has no [topic …]");
        }
        for (String required : List.of("greeting", "anonymous", "opening", "aside", "closing", "signoff", "reply",
                "quote")) {
            if (!parts.containsKey(required)) {
                throw new IllegalArgumentException("the sentence bank has no '" + required + "' lines");
            }
        }
        return new SentenceBank(slots, parts, topics);
    }

    private static Topic topic(String name, Map<String, List<String>> p, int line) {
        if (!p.containsKey("subject") || !p.containsKey("body") || p.get("body").size() < 4) {
            throw new IllegalArgumentException("topic " + name + " (before line " + line
                    + ") needs subject lines and at least four body lines");
        }
        return new Topic(name, p.get("subject"), p.get("body"));
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The shared lines of one part ({@code greeting}, {@code opening}, …). */
    public List<String> part(String name) {
        List<String> p = parts.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no part " + name);
        }
        return p;
    }

    /** A random line of a shared part, filled. */
    String pick(String part, Map<String, String> context, RandomGenerator random) {
        List<String> p = part(part);
        return fill(p.get(random.nextInt(p.size())), context, random);
    }

    /**
     * Expands every {@code {slot}}: context values first (name, sender, date), then the bank's slots,
     * whose values may themselves hold slots (to a small depth). An unknown slot is left as written.
     */
    public String fill(String template, Map<String, String> context, RandomGenerator random) {
        return fill(template, context, random, 0);
    }

    private String fill(String template, Map<String, String> context, RandomGenerator random, int depth) {
        if (template.indexOf('{') < 0 || depth > MAX_DEPTH) {
            return template;
        }
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = context.get(key);
            if (value == null) {
                List<String> values = slots.get(key);
                value = values == null ? m.group() : fill(values.get(random.nextInt(values.size())), context, random,
                        depth + 1);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
