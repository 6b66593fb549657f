package org.maildoctor.smtp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explanations behind codes, provider tags and reasons, read once from
 * {@code data/smtp-knowledge.yml}. Lookups are exact; {@link Explainer} decides the order.
 */
public final class KnowledgeBase {

    static final String RESOURCE = "/data/smtp-knowledge.yml";
    /** {@code X.7.606-649}: a range of details within one subject, as Microsoft documents its banned-IP codes. */
    private static final Pattern RANGE = Pattern.compile("([X245])\\.(\\d{1,3})\\.(\\d{1,3})-(\\d{1,3})");

    private final Map<String, KnowledgeEntry> statuses;
    private final Map<String, KnowledgeEntry> subjects;
    private final Map<String, KnowledgeEntry> tags;
    private final Map<Reason, KnowledgeEntry> reasons;
    private final Map<Integer, KnowledgeEntry> replyCodes;

    private KnowledgeBase(Map<String, KnowledgeEntry> statuses, Map<String, KnowledgeEntry> subjects,
            Map<String, KnowledgeEntry> tags, Map<Reason, KnowledgeEntry> reasons, Map<Integer, KnowledgeEntry> replyCodes) {
        this.statuses = Collections.unmodifiableMap(statuses);
        this.subjects = Collections.unmodifiableMap(subjects);
        this.tags = Collections.unmodifiableMap(tags);
        this.reasons = Collections.unmodifiableMap(reasons);
        this.replyCodes = Collections.unmodifiableMap(replyCodes);
    }

    public static KnowledgeBase standard() {
        return Holder.STANDARD;
    }

    /** Class-specific entry ({@code 5.7.515}) first, then the registry form ({@code X.7.515}). */
    public Optional<KnowledgeEntry> forStatus(EnhancedStatus status) {
        return Optional.ofNullable(statuses.get(status.toString()))
                .or(() -> Optional.ofNullable(statuses.get(status.registryKey())));
    }

    /** By registry key ({@code X.1.1}) only. */
    public Optional<KnowledgeEntry> forRegistryCode(String registryKey) {
        return Optional.ofNullable(statuses.get(registryKey));
    }

    public Optional<KnowledgeEntry> forSubject(EnhancedStatus status) {
        return Optional.ofNullable(subjects.get(status.subjectKey()));
    }

    public Optional<KnowledgeEntry> forTag(String tag) {
        return Optional.ofNullable(tags.get(tag.toLowerCase(Locale.ROOT)));
    }

    public Optional<KnowledgeEntry> forReason(Reason reason) {
        return Optional.ofNullable(reasons.get(reason));
    }

    public Optional<KnowledgeEntry> forReplyCode(ReplyCode code) {
        return Optional.ofNullable(replyCodes.get(code.value()));
    }

    public Map<String, KnowledgeEntry> statusEntries() {
        return statuses;
    }

    public Map<String, KnowledgeEntry> tagEntries() {
        return tags;
    }

    public Map<Reason, KnowledgeEntry> reasonEntries() {
        return reasons;
    }

    public Map<Integer, KnowledgeEntry> replyCodeEntries() {
        return replyCodes;
    }

    public Map<String, KnowledgeEntry> subjectEntries() {
        return subjects;
    }

    private static final class Holder {
        static final KnowledgeBase STANDARD = load();
    }

    // ---- loading -------------------------------------------------------------------------------

    @JsonIgnoreProperties(ignoreUnknown = false)
    record EntryData(String title, String meaning, String reason, Boolean hard, List<String> causes,
            List<String> fixesForSender, List<String> fixesForAdmin, Map<String, String> providerNotes,
            List<String> sources) {
    }

    record FileData(Map<String, EntryData> statusCodes, Map<String, EntryData> subjects,
            Map<String, EntryData> providerTags, Map<String, EntryData> reasons, Map<String, EntryData> replyCodes) {
    }

    static KnowledgeBase load() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return from(yaml.readValue(in, FileData.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static KnowledgeBase from(FileData data) {
        Map<String, KnowledgeEntry> statuses = new LinkedHashMap<>();
        each(data.statusCodes(), (key, d) -> {
            Matcher range = RANGE.matcher(key);
            if (range.matches()) {
                int from = Integer.parseInt(range.group(3));
                int to = Integer.parseInt(range.group(4));
                for (int detail = from; detail <= to; detail++) {
                    String k = range.group(1) + "." + Integer.parseInt(range.group(2)) + "." + detail;
                    statuses.put(k, entry("status:" + key, d));
                }
            } else {
                if (!key.matches("[X245]\\.\\d{1,3}\\.\\d{1,3}")) {
                    throw new IllegalStateException("bad status key " + key);
                }
                statuses.put(key, entry("status:" + key, d));
            }
        });
        Map<String, KnowledgeEntry> subjects = new LinkedHashMap<>();
        each(data.subjects(), (key, d) -> subjects.put(key, entry("subject:" + key, d)));
        Map<String, KnowledgeEntry> tags = new LinkedHashMap<>();
        each(data.providerTags(), (key, d) -> tags.put(key.toLowerCase(Locale.ROOT), entry("tag:" + key, d)));
        Map<Reason, KnowledgeEntry> reasons = new EnumMap<>(Reason.class);
        each(data.reasons(), (key, d) -> reasons.put(Reason.fromCode(key)
                .orElseThrow(() -> new IllegalStateException("unknown reason " + key)), entry("reason:" + key, d)));
        Map<Integer, KnowledgeEntry> replyCodes = new LinkedHashMap<>();
        each(data.replyCodes(), (key, d) -> {
            ReplyCode code = ReplyCode.parse(key).orElseThrow(() -> new IllegalStateException("bad reply code " + key));
            // RFC 5321's wording is the natural title of a basic code.
            EntryData titled = d.title() != null ? d : new EntryData(code.meaning(), d.meaning(), d.reason(), d.hard(),
                    d.causes(), d.fixesForSender(), d.fixesForAdmin(), d.providerNotes(), d.sources());
            replyCodes.put(code.value(), entry("reply:" + key, titled));
        });
        return new KnowledgeBase(statuses, subjects, tags, reasons, replyCodes);
    }

    private static void each(Map<String, EntryData> map, java.util.function.BiConsumer<String, EntryData> f) {
        if (map != null) {
            map.forEach(f);
        }
    }

    private static KnowledgeEntry entry(String key, EntryData d) {
        if (d.hard() == null) {
            throw new IllegalStateException(key + ": 'hard' is required");
        }
        Optional<Reason> reason = Optional.ofNullable(d.reason()).map(r -> Reason.fromCode(r)
                .orElseThrow(() -> new IllegalStateException(key + ": unknown reason " + r)));
        Map<Provider, String> notes = new EnumMap<>(Provider.class);
        if (d.providerNotes() != null) {
            d.providerNotes().forEach((p, note) -> notes.put(providerOf(key, p), note.strip()));
        }
        return new KnowledgeEntry(key, d.title(), d.meaning() == null ? null : d.meaning().strip(), reason, d.hard(),
                d.causes(), d.fixesForSender(), d.fixesForAdmin(), notes, d.sources());
    }

    private static Provider providerOf(String key, String name) {
        for (Provider p : Provider.values()) {
            if (p.key().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException(key + ": unknown provider " + name);
    }
}
