package org.maildoctor.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses spamd's answer to a REPORT request (SPAMC/SPAMD protocol 1.5, spamd/PROTOCOL in the
 * SpamAssassin sources): the status line, the {@code Spam: True ; 7.2 / 5.0} header and the
 * report's rule table ({@code pts rule name description}, descriptions wrapped on indented lines).
 */
public final class SpamdReport {
    private static final Pattern STATUS = Pattern.compile("SPAMD/(\\d+\\.\\d+) (\\d+) (.*)");
    private static final Pattern SPAM = Pattern.compile("(?i)spam:\\s*(true|false|yes|no)\\s*;\\s*(-?[\\d.]+)\\s*/\\s*(-?[\\d.]+)");
    private static final Pattern ROW = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s+([A-Z0-9_]+)\\s+(.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^\\s{20,}(\\S.*)$");

    private SpamdReport() {
    }

    /** The verdict, or an {@link IllegalArgumentException} whose message says what spamd answered instead. */
    public static SecondOpinion.Verdict parse(String response) {
        String[] headAndBody = response.split("\r?\n\r?\n", 2);
        String[] head = headAndBody[0].split("\r?\n");
        Matcher status = STATUS.matcher(head[0].strip());
        if (!status.matches()) {
            throw new IllegalArgumentException("not a spamd answer: '" + abbreviate(head[0]) + "'");
        }
        if (!status.group(2).equals("0")) {
            throw new IllegalArgumentException("spamd error " + status.group(2) + " " + status.group(3).strip());
        }
        Optional<Matcher> spam = Optional.empty();
        for (int i = 1; i < head.length; i++) {
            Matcher m = SPAM.matcher(head[i]);
            if (m.find()) {
                spam = Optional.of(m);
            }
        }
        Matcher m = spam.orElseThrow(() -> new IllegalArgumentException("spamd answered without a Spam: header"));
        boolean isSpam = m.group(1).toLowerCase(Locale.ROOT).matches("true|yes");
        double score = Double.parseDouble(m.group(2));
        double threshold = Double.parseDouble(m.group(3));
        List<SecondOpinion.Rule> rules = headAndBody.length > 1 ? rules(headAndBody[1]) : List.of();
        return new SecondOpinion.Verdict(score, threshold, isSpam, Optional.empty(), rules);
    }

    private static List<SecondOpinion.Rule> rules(String body) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : body.split("\r?\n")) {
            if (line.startsWith("----")) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            Matcher more = CONTINUATION.matcher(line);
            if (row.matches()) {
                rows.add(new String[] {row.group(1), row.group(2), row.group(3).strip()});
            } else if (more.matches() && !rows.isEmpty()) {
                String[] last = rows.getLast();
                last[2] = last[2] + " " + more.group(1).strip();
            } else if (line.isBlank()) {
                break;
            }
        }
        List<SecondOpinion.Rule> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(new SecondOpinion.Rule(r[1], Double.parseDouble(r[0]), r[2]));
        }
        out.sort(Comparator.comparingDouble(SecondOpinion.Rule::score).reversed());
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
