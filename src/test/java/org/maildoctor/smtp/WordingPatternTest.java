package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link WordingPattern} must find exactly what the plain case-insensitive regex finds. */
class WordingPatternTest {

    /** Regexes with the shapes the scan handles: leading groups, escapes, quantified literals, lookarounds. */
    static final List<String> SHAPES = List.of(
            "(?:^|\\s)\\|/\\S+|pipe to \\||procmail:",
            "(?:^|\\s)553 [a-z0-9-]+(?:\\.[a-z0-9-]+)+ does not exist",
            "(?:after|while sending|\\[)\\s*(?:the\\s+)?(rcpt[ _]to|mail|data)\\b",
            "^\\s*>>>\\s*(rcpt|mail|data)\\b",
            "transaction failed(?=\\s|$)",
            "messages from \\S+ weren't sent",
            "(?:unknown|bad) (?:recipient|mailbox|address)",
            "xy+z|a{0,2}bc|(?!no)yes|(?:maybe)?sure");

    @Test
    void requiredLiteralsTakeTheLongestRunOrAMandatoryGroup() {
        assertThat(Ascii.requiredLiterals(SHAPES.get(0))).containsExactly("|/", "pipe to |", "procmail:");
        assertThat(Ascii.requiredLiterals(SHAPES.get(1))).containsExactly(" does not exist");
        // two mandatory groups: the one whose shortest literal is longer ("[" would pass almost any text)
        assertThat(Ascii.requiredLiterals(SHAPES.get(2))).containsExactly("rcpt", "mail", "data");
        assertThat(Ascii.requiredLiterals(SHAPES.get(3))).containsExactly("rcpt", "mail", "data");
        assertThat(Ascii.requiredLiterals("^\\s*>>>\\s*\\w")).containsExactly(">>>");
        assertThat(Ascii.requiredLiterals(SHAPES.get(6))).containsExactly("recipient", "mailbox", "address");
        // "xy+z" needs "xy"; "a{0,2}bc" needs "bc"; a negative lookahead and an optional group require nothing
        assertThat(Ascii.requiredLiterals(SHAPES.get(7))).containsExactly("xy", "bc", "yes", "sure");
        assertThat(Ascii.requiredLiterals("a|\\d+")).isNull();
        assertThat(Ascii.requiredLiterals("a\\x41b")).isNull();
    }

    @Test
    void startLiteralsFollowLeadingGroupsAndZeroWidthAnchors() {
        assertThat(Ascii.startLiterals(SHAPES.get(2))).containsExactly("after", "while sending", "[");
        assertThat(Ascii.startLiterals(SHAPES.get(6))).containsExactly("unknown", "bad");
        assertThat(Ascii.startLiterals("\\bptr\\b|^relay(?:ing)? denied|ab?c|x\\.y")).containsExactly("ptr", "relay", "a", "x.y");
        assertThat(Ascii.startLiterals(SHAPES.get(3))).isNull(); // "^\\s*": the match starts before the literal
        assertThat(Ascii.startLiterals(SHAPES.get(7))).isNull(); // a lookahead and an optional group
        assertThat(Ascii.startLiterals("a|\\d+")).isNull();
    }

    @Property(tries = 3000)
    void findFirstIsTheLeftmostMatchOfThePlainRegex(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        Matcher plain = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE).matcher(text);
        Matcher fast = WordingPattern.compile(regex, Pattern.MULTILINE).findFirst(text, WordingPattern.lower(text));
        if (!plain.find()) {
            assertThat(fast).as("%s on %s", regex, text).isNull();
            return;
        }
        assertThat(fast).as("%s on %s", regex, text).isNotNull();
        assertThat(fast.start()).isEqualTo(plain.start());
        assertThat(fast.end()).isEqualTo(plain.end());
        for (int g = 1; g <= plain.groupCount(); g++) {
            assertThat(fast.start(g)).isEqualTo(plain.start(g));
        }
    }

    /**
     * The lowered text's bytes ({@link Ascii#latin1}, known for Latin-1 text just lowered on this thread) only make
     * the search faster: a copy of the lowered text, whose bytes are not known, gives the same match.
     */
    @Property(tries = 2000)
    void theLoweredBytesChangeNoMatch(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        WordingPattern p = WordingPattern.compile(regex, Pattern.MULTILINE);
        String lower = WordingPattern.lower(text);
        assertThat(Ascii.latin1(lower) != null).as(text).isEqualTo(text.chars().allMatch(c -> c < 256));
        Matcher withBytes = p.findFirst(text, lower);
        String copy = new String(lower);
        assertThat(Ascii.latin1(copy)).isNull();
        Matcher without = p.findFirst(text, copy);
        assertThat(withBytes == null).as("%s on %s", regex, text).isEqualTo(without == null);
        if (withBytes != null) {
            assertThat(withBytes.start()).isEqualTo(without.start());
            assertThat(withBytes.end()).isEqualTo(without.end());
        }
    }

    /** Bounded, the search finds the plain regex's leftmost match when it starts before the bound, else nothing. */
    @Property(tries = 3000)
    void boundedFindFirstIsTheLeftmostMatchBeforeTheBound(@ForAll("regexes") String regex, @ForAll("texts") String text,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100) int before) {
        Matcher plain = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE).matcher(text);
        Matcher fast = WordingPattern.compile(regex, Pattern.MULTILINE).findFirst(text, WordingPattern.lower(text), before, null);
        if (!plain.find() || plain.start() >= before) {
            assertThat(fast).as("%s on %s before %d", regex, text, before).isNull();
            return;
        }
        assertThat(fast).as("%s on %s before %d", regex, text, before).isNotNull();
        assertThat(fast.start()).isEqualTo(plain.start());
        assertThat(fast.end()).isEqualTo(plain.end());
    }

    @Test
    void caseFreeClassEscapesStillLowerTheText() {
        assertThat(Ascii.noUpperCaseLiteral("from \\S+ sent", "SDWB")).isTrue();
        assertThat(Ascii.noUpperCaseLiteral("from \\S+ sent")).isFalse();
        assertThat(Ascii.noUpperCaseLiteral("\\Qx\\E", "SDWB")).isFalse();
        assertThat(WordingPattern.compile("blocked").find("Host BLOCKED you", "host blocked you")).isTrue();
        assertThat(WordingPattern.compile("blocked").mayMatch("nothing here")).isFalse();
    }

    @Property(tries = 3000)
    void findsWhatThePlainRegexFinds(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        boolean plain = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE).matcher(text).find();
        assertThat(WordingPattern.compile(regex, Pattern.MULTILINE).find(text, WordingPattern.lower(text)))
                .as("%s on %s", regex, text).isEqualTo(plain);
    }

    @Provide
    Arbitrary<String> regexes() {
        List<String> all = new ArrayList<>(SHAPES);
        all.addAll(ReasonClassifier.ruleSources());
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> texts() {
        return WordingPatternTestTexts.texts(regexesAsList());
    }

    private static List<String> regexesAsList() {
        List<String> all = new ArrayList<>(SHAPES);
        all.addAll(ReasonClassifier.ruleSources());
        return all;
    }
}
