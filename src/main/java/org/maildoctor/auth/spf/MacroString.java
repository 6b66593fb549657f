package org.maildoctor.auth.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A macro-string (RFC 7208 7.1), parsed once into literal and macro parts:
 * <pre>
 * macro-string  = *( macro-expand / macro-literal )
 * macro-expand  = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 * macro-literal = %x21-24 / %x26-7E
 * macro-letter  = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
 * transformers  = *DIGIT [ "r" ]
 * delimiter     = "." / "-" / "+" / "," / "/" / "_" / "="
 * </pre>
 * {@code c}, {@code r} and {@code t} are allowed only in explanation text (7.1 para 8); explanation
 * text also allows spaces.
 */
public record MacroString(String source, List<Part> parts, boolean endsWithMacroExpand) {

    /** Where a macro-string appears decides which letters and literals are legal. */
    public enum Context {
        /** In a record: a domain-spec or an unknown modifier's value. */
        RECORD,
        /** The TXT text an {@code exp=} points at (RFC 7208 6.2). */
        EXPLANATION
    }

    /** Expanded text never grows past this, whatever the input (a guard against explosive macros). */
    public static final int MAX_EXPANSION = 8192;

    /** Values of the macro letters for one evaluation (lower-case letter in, raw value out). */
    @FunctionalInterface
    public interface Values {
        String value(char letter);
    }

    public sealed interface Part {
    }

    /** Text copied as is; {@code %%}, {@code %_} and {@code %-} are stored already decoded. */
    public record Literal(String text) implements Part {
    }

    /**
     * {@code %{letter digits r delimiters}}. {@code digits} 0 means "all parts"; {@code urlEscape}
     * is set for an upper-case letter (7.1 para 26).
     */
    public record Macro(char letter, boolean urlEscape, int digits, boolean reverse, String delimiters)
            implements Part {
    }

    public MacroString {
        Objects.requireNonNull(source);
        parts = List.copyOf(parts);
    }

    /** The outcome of parsing: a macro-string or the position and reason of the first error. */
    public sealed interface ParseResult {
    }

    public record Parsed(MacroString value) implements ParseResult {
    }

    public record Invalid(int position, String reason) implements ParseResult {
    }

    private static final String LETTERS = "slodiphcrtv";
    private static final String EXPLANATION_ONLY = "crt";
    private static final String DELIMITERS = ".-+,/_=";

    public static ParseResult parse(String text, Context context) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean endsWithMacro = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                boolean ok = c > 0x20 && c < 0x7f || context == Context.EXPLANATION && c == ' ';
                if (!ok) {
                    return new Invalid(i, "character " + describe(c) + " is not allowed in a macro-string");
                }
                literal.append(c);
                endsWithMacro = false;
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                return new Invalid(i, "'%' at the end must be written '%%'");
            }
            char n = text.charAt(i + 1);
            switch (n) {
                case '%' -> literal.append('%');
                case '_' -> literal.append(' ');
                case '-' -> literal.append("%20");
                case '{' -> {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        return new Invalid(i, "macro '%{' is not closed with '}'");
                    }
                    if (!literal.isEmpty()) {
                        parts.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    switch (macro(text.substring(i + 2, close), context)) {
                        case Parsing.Invalid<Macro> bad -> {
                            return new Invalid(i, bad.reason());
                        }
                        case Parsing.Ok<Macro> ok -> parts.add(ok.value());
                    }
                    endsWithMacro = true;
                    i = close + 1;
                    continue;
                }
                default -> {
                    return new Invalid(i, "'%' must be followed by '{', '%', '_' or '-' (RFC 7208 7.1), not "
                            + describe(n));
                }
            }
            endsWithMacro = true;
            i += 2;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Parsed(new MacroString(text, parts, endsWithMacro));
    }

    private static Parsing<Macro> macro(String body, Context context) {
        if (body.isEmpty()) {
            return Parsing.invalid("empty macro '%{}'");
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        if (letter > 0x7f || LETTERS.indexOf(lower) < 0) {
            return Parsing.invalid("unknown macro letter " + describe(letter));
        }
        if (context == Context.RECORD && EXPLANATION_ONLY.indexOf(lower) >= 0) {
            return Parsing.invalid("macro letter '" + letter + "' is allowed only in explanation text");
        }
        int j = 1;
        long digits = 0;
        boolean hasDigits = false;
        while (j < body.length() && body.charAt(j) >= '0' && body.charAt(j) <= '9') {
            // saturate: %{d99999999999} means "all labels", never an overflow
            digits = Math.min(digits * 10 + (body.charAt(j) - '0'), 1_000_000);
            hasDigits = true;
            j++;
        }
        if (hasDigits && digits == 0) {
            return Parsing.invalid("macro digit transformer must not be zero");
        }
        boolean reverse = false;
        if (j < body.length() && (body.charAt(j) == 'r' || body.charAt(j) == 'R')) {
            reverse = true;
            j++;
        }
        String delimiters = body.substring(j);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                return Parsing.invalid("invalid macro delimiter " + describe(d));
            }
        }
        return Parsing.ok(new Macro(lower, Character.isUpperCase(letter), (int) digits, reverse, delimiters));
    }

    /** Whether any part needs expansion. */
    public boolean hasMacros() {
        return parts.stream().anyMatch(Macro.class::isInstance);
    }

    /** Whether a {@code %{p}} macro appears (it costs DNS lookups). */
    public boolean usesLetter(char letter) {
        return parts.stream().anyMatch(p -> p instanceof Macro m && m.letter() == letter);
    }

    /** Expands every macro (RFC 7208 7.3); the result is capped at {@link #MAX_EXPANSION} characters. */
    public String expand(Values values) {
        if (parts.size() == 1 && parts.getFirst() instanceof Literal l) {
            // a plain name (include:_spf.google.com), the common case: no builder, no copy
            String text = l.text();
            return text.length() > MAX_EXPANSION ? text.substring(0, MAX_EXPANSION) : text;
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Literal l -> sb.append(l.text());
                case Macro m -> sb.append(expand(m, values.value(m.letter())));
            }
            if (sb.length() > MAX_EXPANSION) {
                sb.setLength(MAX_EXPANSION);
                break;
            }
        }
        return sb.toString();
    }

    static String expand(Macro m, String raw) {
        String value = raw;
        if (m.digits() > 0 || m.reverse() || !m.delimiters().isEmpty()) {
            String delims = m.delimiters().isEmpty() ? "." : m.delimiters();
            List<String> split = split(raw, delims);
            if (m.reverse()) {
                Collections.reverse(split);
            }
            if (m.digits() > 0 && m.digits() < split.size()) {
                split = split.subList(split.size() - m.digits(), split.size());
            }
            value = String.join(".", split);
        }
        return m.urlEscape() ? urlEscape(value) : value;
    }

    private static List<String> split(String s, String delims) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (delims.indexOf(s.charAt(i)) >= 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** RFC 3986 percent-encoding of everything outside the unreserved set (7.3 para 6). */
    static String urlEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    @Override
    public String toString() {
        return source;
    }
}
