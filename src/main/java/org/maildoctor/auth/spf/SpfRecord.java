package org.maildoctor.auth.spf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SPF record (RFC 7208 4.5, 4.6, 12):
 * <pre>
 * record  = version terms *SP
 * version = "v=spf1"
 * terms   = *( 1*SP ( directive / modifier ) )
 * </pre>
 * Parse with {@link #parse}; it never throws for bad input.
 */
public record SpfRecord(String text, List<Directive> directives, Optional<Modifier.Redirect> redirect,
                        Optional<Modifier.Exp> exp, List<Modifier.Unknown> unknownModifiers) {

    private static final String VERSION = "v=spf1";
    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern MECHANISM_NAME = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern DUAL_CIDR = Pattern.compile("^(.*?)(?:/([0-9]+))?(?://([0-9]+))?$", Pattern.DOTALL);
    private static final Pattern IP4_CIDR = Pattern.compile("0|[1-9][0-9]?");
    private static final Pattern IP6_CIDR = Pattern.compile("0|[1-9][0-9]{0,2}");

    public SpfRecord {
        Objects.requireNonNull(text);
        directives = List.copyOf(directives);
        unknownModifiers = List.copyOf(unknownModifiers);
    }

    /**
     * Whether a TXT record is an SPF version 1 record: it starts with {@code v=spf1} (any case)
     * followed by a space or the end (RFC 7208 4.5). Records that fail this are not SPF records
     * and are ignored, whatever else they say.
     */
    public static boolean isSpfRecord(String txt) {
        return txt.regionMatches(true, 0, VERSION, 0, VERSION.length())
                && (txt.length() == VERSION.length() || txt.charAt(VERSION.length()) == ' ');
    }

    /** Parses a record; a syntax error anywhere is reported, never thrown (RFC 7208 4.6). */
    /**
     * Parse results by record text: the same few provider records (_spf.google.com …) are
     * evaluated over and over, and parsing was most of the cost of a warm check_host().
     * Results are immutable, so sharing them is safe.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, SpfParseResult> PARSED =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    /** {@link #parse}, memoised by text for records of ordinary size. */
    public static SpfParseResult parseCached(String text) {
        if (text == null || text.length() > 4096) {
            return parse(text);
        }
        return PARSED.get(text, SpfRecord::parse);
    }

    public static SpfParseResult parse(String text) {
        if (text == null) {
            return new SpfParseResult.SyntaxError("", 0, "", "no record text");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e) {
                return new SpfParseResult.SyntaxError(text, i, "",
                        "non-ASCII character " + MacroString.describe(c) + " (SPF records are 7-bit ASCII, RFC 7208 3.1)");
            }
            if (c < 0x20 || c == 0x7f) {
                return new SpfParseResult.SyntaxError(text, i, "",
                        "control character " + MacroString.describe(c) + " (terms are separated by spaces only, RFC 7208 4.6.1)");
            }
        }
        if (!isSpfRecord(text)) {
            return new SpfParseResult.SyntaxError(text, 0, "", "the record does not start with 'v=spf1'");
        }
        List<Directive> directives = new ArrayList<>();
        Modifier.Redirect redirect = null;
        Modifier.Exp exp = null;
        List<Modifier.Unknown> unknown = new ArrayList<>();
        int i = VERSION.length();
        while (i < text.length()) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = text.length();
            }
            String term = text.substring(i, end);
            int at = i;
            i = end;
            Matcher mod = MODIFIER.matcher(term);
            if (mod.matches()) {
                String name = mod.group(1).toLowerCase(Locale.ROOT);
                String value = mod.group(2);
                switch (name) {
                    case "redirect", "exp" -> {
                        Parsing<MacroString> spec = domainSpec(value);
                        if (spec instanceof Parsing.Invalid<MacroString> bad) {
                            return new SpfParseResult.SyntaxError(text, at, term, bad.reason());
                        }
                        MacroString domain = ((Parsing.Ok<MacroString>) spec).value();
                        if (name.equals("redirect")) {
                            if (redirect != null) {
                                return new SpfParseResult.SyntaxError(text, at, term,
                                        "'redirect' appears more than once (RFC 7208 6)");
                            }
                            redirect = new Modifier.Redirect(domain);
                        } else {
                            if (exp != null) {
                                return new SpfParseResult.SyntaxError(text, at, term,
                                        "'exp' appears more than once (RFC 7208 6)");
                            }
                            exp = new Modifier.Exp(domain);
                        }
                    }
                    default -> {
                        MacroString.ParseResult v = MacroString.parse(value, MacroString.Context.RECORD);
                        if (v instanceof MacroString.Invalid bad) {
                            return new SpfParseResult.SyntaxError(text, at, term, bad.reason());
                        }
                        unknown.add(new Modifier.Unknown(mod.group(1), ((MacroString.Parsed) v).value()));
                    }
                }
                continue;
            }
            switch (directive(term)) {
                case Parsing.Invalid<Directive> bad -> {
                    return new SpfParseResult.SyntaxError(text, at, term, bad.reason());
                }
                case Parsing.Ok<Directive> ok -> directives.add(ok.value());
            }
        }
        return new SpfParseResult.Parsed(new SpfRecord(text, directives, Optional.ofNullable(redirect),
                Optional.ofNullable(exp), unknown));
    }

    private static Parsing<Directive> directive(String term) {
        Qualifier q = Qualifier.ofSymbol(term.charAt(0));
        String body = q == null ? term : term.substring(1);
        Qualifier qualifier = q == null ? Qualifier.PASS : q;
        Matcher nm = MECHANISM_NAME.matcher(body);
        nm.lookingAt();
        String name = nm.group().toLowerCase(Locale.ROOT);
        String rest = body.substring(nm.end());
        Parsing<Mechanism> m = switch (name) {
            case "all" -> rest.isEmpty() ? Parsing.ok(new Mechanism.All()) : Parsing.invalid("'all' takes no arguments");
            case "include" -> requiredDomain(rest, "include", Mechanism.Include::new);
            case "exists" -> requiredDomain(rest, "exists", Mechanism.Exists::new);
            case "a", "mx" -> addressMechanism(name, rest);
            case "ptr" -> {
                if (rest.isEmpty()) {
                    yield Parsing.ok(new Mechanism.Ptr(Optional.empty()));
                }
                if (!rest.startsWith(":")) {
                    yield Parsing.invalid("'ptr' takes ':domain' and no CIDR length");
                }
                yield domainSpec(rest.substring(1)).map(ms -> new Mechanism.Ptr(Optional.of(ms)));
            }
            case "ip4" -> ip4(rest);
            case "ip6" -> ip6(rest);
            case "" -> Parsing.invalid("not a mechanism or modifier");
            default -> Parsing.invalid("unknown mechanism " + Quote.q(name));
        };
        return m.map(mechanism -> new Directive(qualifier, mechanism, term));
    }

    private static Parsing<Mechanism> requiredDomain(String rest, String name,
                                                     java.util.function.Function<MacroString, Mechanism> make) {
        if (!rest.startsWith(":")) {
            return Parsing.invalid(Quote.q(name) + " needs ':domain'");
        }
        return domainSpec(rest.substring(1)).map(make);
    }

    private static Parsing<Mechanism> addressMechanism(String name, String rest) {
        Matcher m = DUAL_CIDR.matcher(rest);
        if (!m.matches()) {
            return Parsing.invalid("invalid arguments");
        }
        String domainPart = m.group(1);
        int v4 = 32;
        int v6 = 128;
        if (m.group(2) != null) {
            if (!IP4_CIDR.matcher(m.group(2)).matches() || Integer.parseInt(m.group(2)) > 32) {
                return Parsing.invalid("IPv4 CIDR length /" + Quote.safe(m.group(2)) + " is not 0-32 (RFC 7208 5.6)");
            }
            v4 = Integer.parseInt(m.group(2));
        }
        if (m.group(3) != null) {
            if (!IP6_CIDR.matcher(m.group(3)).matches() || Integer.parseInt(m.group(3)) > 128) {
                return Parsing.invalid("IPv6 CIDR length //" + Quote.safe(m.group(3)) + " is not 0-128 (RFC 7208 5.6)");
            }
            v6 = Integer.parseInt(m.group(3));
        }
        Optional<MacroString> domain = Optional.empty();
        if (!domainPart.isEmpty()) {
            if (!domainPart.startsWith(":")) {
                return Parsing.invalid(Quote.q(name) + " takes ':domain' then an optional CIDR length");
            }
            switch (domainSpec(domainPart.substring(1))) {
                case Parsing.Invalid<MacroString> bad -> {
                    return Parsing.invalid(bad.reason());
                }
                case Parsing.Ok<MacroString> ok -> domain = Optional.of(ok.value());
            }
        }
        Mechanism.DualCidr cidr = new Mechanism.DualCidr(v4, v6);
        return Parsing.ok(name.equals("a") ? new Mechanism.A(domain, cidr) : new Mechanism.Mx(domain, cidr));
    }

    private static Parsing<Mechanism> ip4(String rest) {
        if (!rest.startsWith(":")) {
            return Parsing.invalid("'ip4' needs ':address'");
        }
        String arg = rest.substring(1);
        int slash = arg.indexOf('/');
        String addr = slash < 0 ? arg : arg.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String p = arg.substring(slash + 1);
            if (!IP4_CIDR.matcher(p).matches() || Integer.parseInt(p) > 32) {
                return Parsing.invalid("IPv4 CIDR length /" + Quote.safe(p) + " is not 0-32 (RFC 7208 5.6)");
            }
            prefix = Integer.parseInt(p);
        }
        Optional<Inet4Address> ip = Ips.parseV4Strict(addr);
        if (ip.isEmpty()) {
            return Parsing.invalid(Quote.q(addr) + " is not an IPv4 address (four numbers 0-255)");
        }
        return Parsing.ok(new Mechanism.Ip4(ip.get(), prefix));
    }

    private static Parsing<Mechanism> ip6(String rest) {
        if (!rest.startsWith(":")) {
            return Parsing.invalid("'ip6' needs ':address'");
        }
        String arg = rest.substring(1);
        int slash = arg.lastIndexOf('/');
        String addr = slash < 0 ? arg : arg.substring(0, slash);
        int prefix = 128;
        if (slash >= 0) {
            String p = arg.substring(slash + 1);
            if (!IP6_CIDR.matcher(p).matches() || Integer.parseInt(p) > 128) {
                return Parsing.invalid("IPv6 CIDR length /" + Quote.safe(p) + " is not 0-128 (RFC 7208 5.6)");
            }
            prefix = Integer.parseInt(p);
        }
        Optional<Inet6Address> ip = Ips.parseV6(addr);
        if (ip.isEmpty()) {
            return Parsing.invalid(Quote.q(addr) + " is not an IPv6 address");
        }
        return Parsing.ok(new Mechanism.Ip6(ip.get(), prefix));
    }

    /**
     * {@code domain-spec = macro-string domain-end},
     * {@code domain-end = ( "." toplabel [ "." ] ) / macro-expand} (RFC 7208 7.1). Checked before
     * expansion: "It is not correct to check syntax after macro expansion" (suite, 7.1/2).
     */
    static Parsing<MacroString> domainSpec(String s) {
        if (s.isEmpty()) {
            return Parsing.invalid("empty domain-spec");
        }
        MacroString ms;
        switch (MacroString.parse(s, MacroString.Context.RECORD)) {
            case MacroString.Invalid bad -> {
                return Parsing.invalid(bad.reason());
            }
            case MacroString.Parsed ok -> ms = ok.value();
        }
        if (ms.endsWithMacroExpand()) {
            return Parsing.ok(ms);
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        int dot = t.lastIndexOf('.');
        if (dot < 0) {
            return Parsing.invalid("domain " + Quote.q(s)
                    + " must end with '.' and a top-level label, or a macro (RFC 7208 7.1)");
        }
        String top = t.substring(dot + 1);
        if (!isToplabel(top)) {
            return Parsing.invalid(Quote.q(top)
                    + " is not a valid top-level label (RFC 7208 7.1: letters, digits, '-', not all digits)");
        }
        return Parsing.ok(ms);
    }

    /** {@code toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )}. */
    static boolean isToplabel(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean letter = false;
        boolean hyphen = false;
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                letter = true;
            } else if (c == '-') {
                hyphen = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return (letter || hyphen) && s.charAt(0) != '-' && s.charAt(s.length() - 1) != '-';
    }

    /** Whether the record has an {@code all} mechanism anywhere (then {@code redirect} is ignored, 6.1). */
    public boolean hasAll() {
        return directives.stream().anyMatch(d -> d.mechanism() instanceof Mechanism.All);
    }

    /** Terms that cost a DNS lookup (RFC 7208 4.6.4), counting {@code redirect} unless ignored. */
    public int dnsTermCount() {
        int n = (int) directives.stream().filter(d -> d.mechanism().queriesDns()).count();
        return n + (redirect.isPresent() && !hasAll() ? 1 : 0);
    }

    @Override
    public String toString() {
        return text;
    }
}
