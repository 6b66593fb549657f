package org.maildoctor.auth.dkim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Parses and validates a DKIM-Signature header field (RFC 6376 3.5 and the checks of 6.1.1). */
public final class DkimSignatureParser {
    private DkimSignatureParser() {
    }

    /** Never throws: any input gives {@link SignatureParse.Valid} or {@link SignatureParse.Invalid}. */
    public static SignatureParse parse(HeaderField field) {
        return parse(field, false);
    }

    /**
     * An ARC-Message-Signature (RFC 8617 4.1.2): the DKIM-Signature syntax and semantics except that
     * there is no {@code v=}, {@code i=} is the ARC instance (so the AUID is {@code @d}), and {@code h=}
     * MUST NOT list ARC-Seal. Never throws.
     */
    public static SignatureParse parseArcMessageSignature(HeaderField field) {
        return parse(field, true);
    }

    private static SignatureParse parse(HeaderField field, boolean arc) {
        TagList parsed = TagList.parse(field.value());
        if (parsed instanceof TagList.Malformed m) {
            return new SignatureParse.Invalid(FailureReason.SYNTAX, "the signature is not a tag-list: " + m.problem(),
                    "", "", "");
        }
        TagList.Parsed tags = (TagList.Parsed) parsed;
        String d = asciiLower(tags.get("d").map(TagList::removeFws).orElse(""));
        String s = tags.get("s").map(TagList::removeFws).orElse("");
        String a = tags.get("a").map(TagList::removeFws).orElse("");
        Bad bad = new Bad(d, s, a);

        // 6.1.1: v= must be exactly "1"; drafts used none (ietf00/01) or 0.5
        Optional<String> v = tags.get("v");
        if (arc) {
            if (tags.get("i").isEmpty()) {
                return bad.syntax("required tag i= (the ARC instance) is missing (RFC 8617 4.1.2)");
            }
        } else if (v.isEmpty()) {
            return bad.syntax("no v= tag: a pre-RFC 6376 draft signature (RFC 6376 3.5: v= is required)");
        }
        if (!arc && !v.get().equals("1")) {
            return bad.syntax("v=" + TagList.clip(v.get()) + " is not 1 (RFC 6376 6.1.1: incompatible version)");
        }
        for (String required : List.of("a", "b", "bh", "d", "h", "s")) {
            if (tags.get(required).isEmpty()) {
                return bad.syntax("required tag " + required + "= is missing (RFC 6376 6.1.1)");
            }
        }
        Optional<DkimAlgorithm> algorithm = DkimAlgorithm.fromTag(a);
        if (algorithm.isEmpty()) {
            return bad.of(FailureReason.UNSUPPORTED_ALGORITHM,
                    "a=" + TagList.clip(a) + " is not an algorithm this verifier implements (RFC 6376 6.1.1)");
        }
        Optional<byte[]> b = base64(tags.get("b").get());
        if (b.isEmpty() || b.get().length == 0) {
            return bad.syntax("b= is not valid base64");
        }
        Optional<byte[]> bh = base64(tags.get("bh").get());
        if (bh.isEmpty() || bh.get().length == 0) {
            return bad.syntax("bh= is not valid base64");
        }
        if (!isDomain(d)) {
            return bad.syntax("d=" + TagList.clip(d) + " is not a domain name");
        }
        if (!isDomain(s)) {
            return bad.syntax("s=" + TagList.clip(s) + " is not a selector (sub-domain syntax)");
        }
        Canonicalization[] c = new Canonicalization[] {Canonicalization.SIMPLE, Canonicalization.SIMPLE};
        Optional<String> cTag = tags.get("c").map(TagList::removeFws);
        if (cTag.isPresent()) {
            String[] parts = cTag.get().split("/", -1);
            if (parts.length > 2) {
                return bad.syntax("c=" + TagList.clip(cTag.get()) + " has more than two parts");
            }
            for (int i = 0; i < parts.length; i++) {
                Optional<Canonicalization> one = canonicalization(parts[i]);
                if (one.isEmpty()) {
                    return bad.syntax("c=" + TagList.clip(cTag.get()) + ": unknown canonicalization (RFC 6376 3.5)");
                }
                c[i] = one.get();
            }
        }
        List<String> h = new ArrayList<>();
        for (String name : TagList.removeFws(tags.get("h").get()).split(":", -1)) {
            if (name.isEmpty()) {
                return bad.syntax("h= has an empty header field name");
            }
            h.add(asciiLower(name));
        }
        if (arc && h.contains("arc-seal")) {
            return bad.syntax("h= lists ARC-Seal; an ARC-Message-Signature MUST NOT sign it (RFC 8617 4.1.2)");
        }
        if (!h.contains("from")) {
            return bad.of(FailureReason.FROM_NOT_SIGNED, "h= does not include From (RFC 6376 6.1.1)");
        }
        String identity = "@" + d;
        if (!arc && tags.get("i").isPresent()) {
            Optional<String> decoded = quotedPrintable(TagList.removeFws(tags.get("i").get()));
            if (decoded.isEmpty() || decoded.get().indexOf('@') < 0) {
                return bad.syntax("i= is not an identity (local-part@domain, dkim-quoted-printable)");
            }
            identity = decoded.get();
            String iDomain = asciiLower(identity.substring(identity.lastIndexOf('@') + 1));
            if (!iDomain.equals(d) && !iDomain.endsWith("." + d)) {
                return bad.of(FailureReason.DOMAIN_MISMATCH,
                        "i= domain " + TagList.clip(iDomain) + " is not " + d + " or a subdomain (RFC 6376 6.1.1)");
            }
        }
        OptionalLong l = OptionalLong.empty();
        OptionalLong t = OptionalLong.empty();
        OptionalLong x = OptionalLong.empty();
        try {
            l = number(tags, "l", 76);
            t = number(tags, "t", 12);
            x = number(tags, "x", 12);
        } catch (NumberFormatException e) {
            return bad.syntax(e.getMessage());
        }
        if (t.isPresent() && x.isPresent() && x.getAsLong() < t.getAsLong()) {
            return bad.syntax("x= is before t= (RFC 6376 3.5: x= MUST be greater than t=)");
        }
        Optional<String> q = tags.get("q").map(TagList::removeFws);
        if (q.isPresent() && !List.of(q.get().toLowerCase(Locale.ROOT).split(":", -1)).contains("dns/txt")) {
            return bad.of(FailureReason.UNSUPPORTED_QUERY_METHOD,
                    "q=" + TagList.clip(q.get()) + " lists no supported query method (RFC 6376 3.5: dns/txt)");
        }
        return new SignatureParse.Valid(new DkimSignature(algorithm.get(), b.get(), bh.get(), c[0], c[1], d, s, h,
                identity, l, t, x, field));
    }

    /**
     * Lower-cases A-Z only: header bytes are held as ISO-8859-1 characters, and Unicode lower-casing
     * would change the bytes of a UTF-8 domain (RFC 8616).
     */
    public static String asciiLower(String s) {
        int first = 0;
        while (first < s.length() && !(s.charAt(first) >= 'A' && s.charAt(first) <= 'Z')) {
            first++;
        }
        if (first == s.length()) {
            return s; // already lower case: the common case for header names and d=, no copy
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    private record Bad(String domain, String selector, String algorithm) {
        SignatureParse.Invalid syntax(String why) {
            return of(FailureReason.SYNTAX, why);
        }

        SignatureParse.Invalid of(FailureReason reason, String why) {
            return new SignatureParse.Invalid(reason, why, domain, selector, algorithm);
        }
    }

    private static Optional<Canonicalization> canonicalization(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "simple" -> Optional.of(Canonicalization.SIMPLE);
            case "relaxed" -> Optional.of(Canonicalization.RELAXED);
            default -> Optional.empty();
        };
    }

    /** Digits only (ABNF 1*76DIGIT for l=, 1*12DIGIT for t=/x=). */
    private static OptionalLong number(TagList.Parsed tags, String name, int maxDigits) {
        Optional<String> raw = tags.get(name).map(TagList::removeFws);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        String v = raw.get();
        if (v.isEmpty() || v.length() > maxDigits || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new NumberFormatException(name + "=" + TagList.clip(v) + " is not a number of at most "
                    + maxDigits + " digits");
        }
        // l= may have 76 digits; anything beyond a long is longer than any body we could hold
        return OptionalLong.of(v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v));
    }

    /** Base64 with FWS removed (RFC 6376 2.4 base64string allows FWS); empty when malformed. */
    public static Optional<byte[]> base64(String value) {
        try {
            return Optional.of(Base64.getDecoder().decode(TagList.removeFws(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** RFC 6376 2.11 dkim-quoted-printable: {@code =XX} hex escapes; the result read as ISO-8859-1 bytes. */
    static Optional<String> quotedPrintable(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '=') {
                if (i + 2 >= s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(ch);
            }
        }
        return Optional.of(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * sub-domain *("." sub-domain) with sub-domain = Let-dig [Ldh-str] (RFC 5321); underscores and
     * non-ASCII bytes are tolerated (selectors with "_" exist in the wild; RFC 8616 allows U-labels).
     */
    public static boolean isDomain(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                        || c == '_' || c >= 0x80;
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
