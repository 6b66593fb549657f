package org.maildoctor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scanners that replaced regex loops (profile hot spots) agree with the regexes. */
class HandScannersTest {
    static final Pattern PUNCT_RUN = Pattern.compile("[!?]{3,}|!{2,}|\\${2,}|€{2,}");
    static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>");
    static final Set<String> TRACKED = Set.of("div", "table", "tr", "td", "span", "a", "b", "i", "u");

    static int regexRuns(String text, int cap) {
        Matcher pm = PUNCT_RUN.matcher(text);
        int runs = 0;
        while (pm.find() && runs < cap) {
            runs++;
        }
        return runs;
    }

    /** The former find()-based tag-balance count (on the tags this test generates). */
    static int regexTagErrors(String html) {
        ArrayDeque<String> stack = new ArrayDeque<>();
        int errors = 0;
        Matcher mt = TAG.matcher(html);
        while (mt.find()) {
            String name = mt.group(2).toLowerCase(Locale.ROOT);
            if (!TRACKED.contains(name) || !mt.group(3).isEmpty()) {
                continue;
            }
            if (mt.group(1).isEmpty()) {
                stack.push(name);
            } else if (stack.contains(name)) {
                while (!stack.isEmpty() && !stack.peek().equals(name)) {
                    stack.pop();
                    errors++;
                }
                stack.pop();
            } else {
                errors++;
            }
        }
        return errors + stack.size();
    }

    static String random(Random r, String[] pieces, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    @Test
    void punctuationRunsCountWhatTheRegexFinds() {
        assertThat(ContentChecker.punctuationRuns("Buy now!!! Really?!? $$$ cheap €€ ok! fine?? !! ?!", 100))
                .isEqualTo(regexRuns("Buy now!!! Really?!? $$$ cheap €€ ok! fine?? !! ?!", 100)).isEqualTo(5);
        Random r = new Random(7);
        String[] pieces = {"!", "?", "$", "€", "a", " ", "!!", "?!"};
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, pieces, r.nextInt(30));
            int cap = 1 + r.nextInt(5);
            assertThat(ContentChecker.punctuationRuns(s, cap)).as(s).isEqualTo(regexRuns(s, cap));
        }
    }

    @Test
    void tagBalanceCountsWhatTheFindLoopCounted() {
        Random r = new Random(11);
        String[] pieces = {"<div>", "</div>", "<b>", "</b>", "<td x='1'>", "</td>", "<br/>", "<a href=x>", "</a>", "<",
            ">", "text", "<1>", "</", "<span", " ", "<i/>", "</u>"};
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, pieces, r.nextInt(25));
            assertThat(ContentChecker.brokenHtmlErrors(s)).as(s).isEqualTo(regexTagErrors(s));
        }
    }
}
