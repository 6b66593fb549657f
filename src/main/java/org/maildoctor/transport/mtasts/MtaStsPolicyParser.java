package org.maildoctor.transport.mtasts;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the policy file served at {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt} (RFC 8461 §3.2):
 * <pre>
 * sts-policy-record  = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP) [sts-policy-term]
 * sts-policy-field   = sts-policy-version / sts-policy-mode / sts-policy-max-age / sts-policy-mx / sts-policy-extension
 * sts-policy-term    = LF / CRLF
 * sts-policy-version = "version:" *WSP "STSv1"
 * sts-policy-mode    = "mode:" *WSP ("testing" / "enforce" / "none")
 * sts-policy-max-age = "max_age:" *WSP 1*10DIGIT
 * sts-policy-mx      = "mx:" *WSP sts-policy-mx-value
 * </pre>
 * Unknown fields are ignored (§3.2); a repeated known field other than {@code mx} keeps the first value.
 */
public final class MtaStsPolicyParser {
    /** A leading "*." then labels; letters, digits and hyphens (A-labels). */
    private static final Pattern MX_VALUE =
            Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\\.?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private MtaStsPolicyParser() {
    }

    public static PolicyParse parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new PolicyParse(Optional.empty(), List.of("the policy is not UTF-8 text"), List.of());
        }
        return parse(text);
    }

    public static PolicyParse parse(String text) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean crlf = text.contains("\r\n");
        boolean bareLf = text.replace("\r\n", "").contains("\n");
        if (crlf && bareLf) {
            warnings.add("the policy mixes CRLF and LF line endings; RFC 8461 allows either per line, but "
                    + "some senders' parsers mishandle the mix");
        }
        String version = null;
        String mode = null;
        String maxAge = null;
        List<MxPattern> mx = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                continue; // the final terminator
            }
            String stripped = line.stripTrailing();
            if (stripped.isEmpty()) {
                warnings.add("line " + (i + 1) + " is empty");
                continue;
            }
            int colon = stripped.indexOf(':');
            if (colon <= 0) {
                errors.add("line " + (i + 1) + " is not 'key: value': " + abbreviate(stripped));
                continue;
            }
            String key = stripped.substring(0, colon);
            String value = stripped.substring(colon + 1).strip();
            switch (key) {
                case "version" -> version = first(version, value, "version", warnings);
                case "mode" -> mode = first(mode, value, "mode", warnings);
                case "max_age" -> maxAge = first(maxAge, value, "max_age", warnings);
                case "mx" -> {
                    if (MX_VALUE.matcher(value).matches()) {
                        mx.add(new MxPattern(value));
                    } else {
                        errors.add("mx value '" + abbreviate(value) + "' is not a host name or *.name pattern");
                    }
                }
                default -> {
                    if (!key.equals(key.strip()) || key.contains(" ")) {
                        errors.add("line " + (i + 1) + " has a malformed key '" + abbreviate(key) + "'");
                    }
                    // other keys are extensions and ignored (§3.2)
                }
            }
        }
        if (version == null) {
            errors.add("no 'version: STSv1' field");
        } else if (!version.equals("STSv1")) {
            errors.add("version is '" + abbreviate(version) + "', must be STSv1");
        }
        Mode m = null;
        if (mode == null) {
            errors.add("no 'mode' field (enforce, testing or none)");
        } else {
            m = switch (mode) {
                case "enforce" -> Mode.ENFORCE;
                case "testing" -> Mode.TESTING;
                case "none" -> Mode.NONE;
                default -> null;
            };
            if (m == null) {
                errors.add("mode is '" + abbreviate(mode) + "', must be enforce, testing or none");
            }
        }
        long age = -1;
        if (maxAge == null) {
            errors.add("no 'max_age' field");
        } else if (!DIGITS.matcher(maxAge).matches()) {
            errors.add("max_age '" + abbreviate(maxAge) + "' is not 1 to 10 digits");
        } else {
            age = Long.parseLong(maxAge);
            if (age > MtaStsPolicy.MAX_AGE_LIMIT) {
                errors.add("max_age " + age + " exceeds the maximum of " + MtaStsPolicy.MAX_AGE_LIMIT
                        + " seconds (RFC 8461 §3.2)");
            } else if (age < MtaStsPolicy.RECOMMENDED_MIN_AGE) {
                warnings.add("max_age " + age + " s is shorter than a week; RFC 8461 §3.2 recommends weeks or "
                        + "more so that a policy survives an attacker blocking the policy host");
            }
        }
        if (mx.isEmpty() && m != Mode.NONE && m != null) {
            errors.add("no 'mx' field: with mode " + mode + " every MX must be listed");
        }
        if (!errors.isEmpty()) {
            return new PolicyParse(Optional.empty(), errors, warnings);
        }
        return new PolicyParse(Optional.of(new MtaStsPolicy(m, mx, age)), errors, warnings);
    }

    private static String first(String previous, String value, String key, List<String> warnings) {
        if (previous != null) {
            warnings.add("'" + key + "' appears more than once; the first value counts");
            return previous;
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
