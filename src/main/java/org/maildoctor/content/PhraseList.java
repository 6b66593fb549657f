package org.maildoctor.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weighted spam-trigger phrases in several languages, matched on word sequences. Indexed by first
 * word, so matching costs one map lookup per word of the text whatever the list's size (a
 * substring search per phrase would cost phrases x length).
 */
public final class PhraseList {
    /** A phrase: its language, weight and words. */
    public record Phrase(String language, double weight, String text, String[] words) {
    }

    private final Map<String, List<Phrase>> byFirstWord;
    private final Map<String, Integer> counts;

    private PhraseList(List<Phrase> phrases) {
        Map<String, List<Phrase>> m = new HashMap<>();
        Map<String, Integer> c = new TreeMap<>();
        for (Phrase p : phrases) {
            m.computeIfAbsent(p.words()[0], k -> new ArrayList<>()).add(p);
            c.merge(p.language(), 1, Integer::sum);
        }
        this.byFirstWord = m;
        this.counts = c;
    }

    private static final class Holder {
        static final PhraseList BUILT_IN = load("/data/spam-phrases.tsv");
    }

    /** The list shipped in {@code data/spam-phrases.tsv}. */
    public static PhraseList builtIn() {
        return Holder.BUILT_IN;
    }

    static PhraseList load(String resource) {
        List<Phrase> phrases = new ArrayList<>();
        try (InputStream in = PhraseList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String[] words = words(f[2]).toArray(String[]::new);
                phrases.add(new Phrase(f[0], Double.parseDouble(f[1]), String.join(" ", words), words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PhraseList(phrases);
    }

    /** Phrases per language code, e.g. {@code en=81}. */
    public Map<String, Integer> countsByLanguage() {
        return counts;
    }

    /** Lower-cased words: maximal runs of letters and digits. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Distinct phrases found in {@code text}, each once, with its weight. */
    public Map<Phrase, Integer> find(String text) {
        List<String> w = words(text);
        Map<Phrase, Integer> hits = new LinkedHashMap<>();
        for (int i = 0; i < w.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(w.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase p : candidates) {
                if (matches(w, i, p.words())) {
                    hits.merge(p, 1, Integer::sum);
                }
            }
        }
        return hits;
    }

    private static boolean matches(List<String> w, int at, String[] phrase) {
        if (at + phrase.length > w.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!w.get(at + k).equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }
}
