package org.maildoctor.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The template checker: every rule over one {@link MessageContent}. Pure and thread-safe.
 *
 * <pre>{@code
 * ContentReport r = ContentChecker.standard().check(MessageContent.parse(bytes), Set.of());
 * }</pre>
 */
public final class ContentChecker {
    /** Gmail clips the HTML of a message above this size (its documented 102 KB). */
    public static final int GMAIL_CLIP_BYTES = 102 * 1024;
    static final int MAX_LINKS = 40;
    /** Text characters per (non-pixel) image below which the message reads as an image. */
    static final int MIN_TEXT_PER_IMAGE = 250;
    static final int MAX_HIDDEN_CHARS = 150;
    static final int BROKEN_HTML_ERRORS = 3;
    static final double SUBJECT_PHRASE_THRESHOLD = 1.0;
    static final double BODY_PHRASE_THRESHOLD = 2.0;
    /** Phrase weight from which the clichés are the message rather than a slip (a stronger finding). */
    static final double BODY_PHRASE_MANY = 4.0;

    private static final Set<String> SHORTENERS = Set.of("bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "t.co",
            "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id",
            "v.gd", "bl.ink", "short.io", "lnkd.in", "tr.im", "x.co");
    private static final Set<String> RISKY_EXTENSIONS = Set.of("exe", "scr", "com", "pif", "bat", "cmd", "vbs",
            "vbe", "js", "jse", "wsf", "wsh", "hta", "jar", "msi", "msp", "ps1", "lnk", "reg", "cpl", "iso", "img",
            "vhd", "vhdx", "docm", "xlsm", "pptm", "dotm", "xlam", "one", "apk", "dll", "sys");
    private static final Pattern URL_IN_TEXT = Pattern.compile("\\bhttps?://[^\\s<>\"')\\]]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN_LIKE = Pattern.compile(
            "^(?:https?://)?(?:www\\.)?([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})(?:[/:?#].*)?$",
            Pattern.CASE_INSENSITIVE);
    /** Dotted quad, a bare decimal number or hex: every spelling browsers accept for an IPv4 host. */
    private static final Pattern IP_LITERAL_HOST = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\d+|0x[0-9a-f]+");
    private static final Pattern PUNCT_RUN = Pattern.compile("[!?]{3,}|!{2,}|\\${2,}|€{2,}");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*[01](?:px|pt)?\\s*(?:;|$|!)|"
                    + "max-height\\s*:\\s*0|opacity\\s*:\\s*0(?:\\.0*)?\\s*(?:;|$)", Pattern.CASE_INSENSITIVE);

    private static final Set<String> TRACKED = Set.of("div", "table", "tr", "td", "span", "a", "b", "i", "u",
            "strong", "em", "font", "center", "ul", "ol", "h1", "h2", "h3", "tbody", "thead");
    private static final Pattern ONE_PIXEL = Pattern.compile("[01](px)?");
    private static final Pattern STYLE_W1 = Pattern.compile("(^|;)width:[01]px");
    private static final Pattern STYLE_H1 = Pattern.compile("(^|;)height:[01]px");

    private final PhraseList phrases;

    private ContentChecker(PhraseList phrases) {
        this.phrases = phrases;
    }

    public static ContentChecker standard() {
        return new ContentChecker(PhraseList.builtIn());
    }

    public PhraseList phrases() {
        return phrases;
    }

    /** The hosts a message links to, for a blocklist lookup before {@link #check}. */
    public static List<String> linkHosts(MessageContent m) {
        return List.copyOf(new LinkedHashSet<>(links(m, parseHtml(m)).stream().map(Link::host)
                .filter(h -> !h.isEmpty()).toList()));
    }

    /**
     * All rules. {@code listedLinkHosts}: the linked hosts a URI blocklist lists (empty when no
     * blocklist was consulted).
     */
    public ContentReport check(MessageContent m, Set<String> listedLinkHosts) {
        List<ContentFinding> f = new ArrayList<>();
        List<String> phraseHits = new ArrayList<>();
        Document doc = parseHtml(m);
        String htmlText = doc == null ? "" : doc.body() == null ? doc.text() : doc.body().text();
        String bodyText = !m.text().isBlank() ? m.text() : htmlText;

        subject(m.subject(), f, phraseHits);
        m.mimeProblem().ifPresent(p -> f.add(new ContentFinding(ContentFindingId.MIME_MALFORMED, p, List.of())));
        if (bodyText.strip().length() < 10 && m.attachments().isEmpty()) {
            f.add(new ContentFinding(ContentFindingId.BODY_EMPTY, "the message has (almost) no text: "
                    + bodyText.strip().length() + " characters", List.of()));
        }
        String allText = (m.text() + "\n" + htmlText);
        Map<PhraseList.Phrase, Integer> bodyHits = phrases.find(allText);
        double bodyWeight = bodyHits.keySet().stream().mapToDouble(PhraseList.Phrase::weight).sum();
        bodyHits.keySet().forEach(p -> phraseHits.add(p.language() + ":" + p.text()));
        if (bodyWeight >= BODY_PHRASE_THRESHOLD) {
            f.add(new ContentFinding(bodyWeight >= BODY_PHRASE_MANY ? ContentFindingId.BODY_SPAM_PHRASES_MANY
                    : ContentFindingId.BODY_SPAM_PHRASES, bodyHits.size()
                    + " spam-trigger phrases in the body (weight " + round(bodyWeight) + ")",
                    bodyHits.keySet().stream().map(p -> "\"" + p.text() + "\" (" + p.language() + ")").toList()));
        }
        capsAndPunctuation(bodyText, f);
        if (doc != null) {
            html(m, doc, htmlText, f);
        }
        List<Link> links = links(m, doc);
        links(links, listedLinkHosts, f);
        attachments(m, f);
        HeaderSignals.check(m, f);

        double lost = f.stream().mapToDouble(ContentFinding::points).sum();
        return new ContentReport(Math.max(0, round(10 - lost)), f,
                List.copyOf(new LinkedHashSet<>(links.stream().map(Link::host).filter(h -> !h.isEmpty()).toList())),
                phraseHits);
    }

    private void subject(String subject, List<ContentFinding> f, List<String> phraseHits) {
        if (subject.isBlank()) {
            f.add(new ContentFinding(ContentFindingId.SUBJECT_MISSING, "the message has no subject", List.of()));
            return;
        }
        Map<PhraseList.Phrase, Integer> hits = phrases.find(subject);
        double w = hits.keySet().stream().mapToDouble(PhraseList.Phrase::weight).sum();
        hits.keySet().forEach(p -> phraseHits.add(p.language() + ":" + p.text()));
        if (w >= SUBJECT_PHRASE_THRESHOLD) {
            f.add(new ContentFinding(ContentFindingId.SUBJECT_SPAM_PHRASES, "the subject contains spam-trigger "
                    + "phrases", hits.keySet().stream().map(p -> "\"" + p.text() + "\" (" + p.language() + ")").toList()));
        }
        long letters = subject.chars().filter(Character::isLetter).count();
        long upper = subject.chars().filter(Character::isUpperCase).count();
        if (letters >= 8 && upper >= 0.7 * letters) {
            f.add(new ContentFinding(ContentFindingId.SUBJECT_ALL_CAPS, "the subject is " + (100 * upper / letters)
                    + " % capital letters", List.of(subject)));
        }
        Matcher pm = PUNCT_RUN.matcher(subject);
        if (pm.find()) {
            f.add(new ContentFinding(ContentFindingId.SUBJECT_PUNCTUATION, "the subject has a run of punctuation '"
                    + pm.group() + "'", List.of(subject)));
        } else if (subject.indexOf('!') >= 0) {
            f.add(new ContentFinding(ContentFindingId.SUBJECT_EXCLAMATION, "the subject has an exclamation mark",
                    List.of(subject)));
        }
    }

    private static void capsAndPunctuation(String text, List<ContentFinding> f) {
        int words = 0;
        int capsWords = 0;
        int letters = 0;
        boolean allUpper = true;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char ch = i < n ? text.charAt(i) : ' ';
            if (Character.isWhitespace(ch)) {
                if (letters >= 3) {
                    words++;
                    if (allUpper) {
                        capsWords++;
                    }
                }
                letters = 0;
                allUpper = true;
            } else if (Character.isLetter(ch)) {
                letters++;
                allUpper &= Character.isUpperCase(ch);
            }
        }
        if (capsWords >= 10 && capsWords >= 0.3 * words) {
            f.add(new ContentFinding(ContentFindingId.BODY_ALL_CAPS, capsWords + " of " + words
                    + " words are in capitals", List.of()));
        }
        int runs = punctuationRuns(text, 100);
        if (runs >= 3) {
            f.add(new ContentFinding(ContentFindingId.BODY_PUNCTUATION, runs
                    + " runs of exclamation marks, question marks or currency symbols", List.of()));
        }
    }

    /**
     * Non-overlapping runs as {@link #PUNCT_RUN} finds them, up to {@code cap}. By hand because the
     * regex tries its alternation at every character of every body (a profile hot spot); the
     * regex stays the specification and {@code HandScannersTest} compares the two.
     */
    static int punctuationRuns(String text, int cap) {
        int runs = 0;
        int n = text.length();
        int i = 0;
        while (i < n && runs < cap) {
            char c = text.charAt(i);
            int j = i + 1;
            if (c == '!' || c == '?') {
                while (j < n && (text.charAt(j) == '!' || text.charAt(j) == '?')) {
                    j++;
                }
                // [!?]{3,} takes the whole run; else !{2,} can only be "!!" (a shorter [!?] run)
                if (j - i >= 3 || (j - i == 2 && c == '!' && text.charAt(i + 1) == '!')) {
                    runs++;
                    i = j;
                    continue;
                }
            } else if (c == '$' || c == '€') {
                while (j < n && text.charAt(j) == c) {
                    j++;
                }
                if (j - i >= 2) {
                    runs++;
                    i = j;
                    continue;
                }
            }
            i++;
        }
        return runs;
    }

    static Document parseHtml(MessageContent m) {
        if (m.html().isBlank()) {
            return null;
        }
        return Jsoup.parse(m.html(), "", Parser.htmlParser()); // no error tracking: brokenHtmlErrors counts its own
    }

    private static void html(MessageContent m, Document doc, String htmlText, List<ContentFinding> f) {
        if (m.text().isBlank()) {
            f.add(new ContentFinding(ContentFindingId.MIME_NO_TEXT_PART, "the message is HTML only: "
                    + "there is no text/plain alternative", List.of()));
        } else {
            double similarity = similarity(m.text(), htmlText);
            if (similarity < 0.3) {
                f.add(new ContentFinding(ContentFindingId.MIME_PARTS_DISAGREE, "the text/plain and HTML parts share "
                        + Math.round(similarity * 100) + " % of their words: they say different things", List.of()));
            }
        }
        // one walk over the elements for every element rule: each doc.select() is a walk of its own
        // and eight of them were a profile hot spot
        int images = 0;
        int pixels = 0;
        int hidden = 0;
        boolean form = false;
        boolean scriptTag = false;
        boolean handlers = false;
        boolean jsUrls = false;
        List<String> noAlt = new ArrayList<>();
        Set<String> embedded = new LinkedHashSet<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            switch (tag) {
                case "img" -> {
                    if (isPixel(e)) {
                        pixels++;
                    } else {
                        images++;
                        if (!e.hasAttr("alt")) {
                            noAlt.add(e.attr("src"));
                        }
                    }
                }
                case "form", "input", "textarea", "select" -> form = true;
                case "button" -> form |= e.attr("type").equals("submit");
                case "script" -> scriptTag = true;
                case "object", "embed", "iframe", "applet", "frame", "frameset" -> embedded.add(tag);
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                continue;
            }
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                String key = a.getKey();
                if (key.length() >= 2 && (key.charAt(0) == 'o' || key.charAt(0) == 'O')
                        && (key.charAt(1) == 'n' || key.charAt(1) == 'N')) {
                    handlers = true;
                }
            }
            String style = e.attr("style");
            if ((!style.isEmpty() && HIDDEN_STYLE.matcher(style).find()) || e.hasAttr("hidden")) {
                hidden += e.text().length();
            }
            String href = e.attr("href").strip();
            String target = href.isEmpty() ? e.attr("src").strip() : href;
            jsUrls |= target.regionMatches(true, 0, "javascript:", 0, 11);
        }
        int textChars = htmlText.strip().length();
        if (images > 0 && textChars < MIN_TEXT_PER_IMAGE * images) {
            f.add(new ContentFinding(ContentFindingId.HTML_IMAGE_RATIO, images + " image(s) and only " + textChars
                    + " characters of text", List.of()));
        }
        if (!noAlt.isEmpty()) {
            f.add(new ContentFinding(ContentFindingId.HTML_IMAGE_NO_ALT, noAlt.size() + " image(s) without alt text",
                    noAlt.stream().limit(5).toList()));
        }
        if (pixels > 0) {
            f.add(new ContentFinding(ContentFindingId.HTML_TRACKING_PIXEL, pixels
                    + " 1x1 image(s): tracking pixels", List.of()));
        }
        if (m.htmlBytes() > GMAIL_CLIP_BYTES) {
            f.add(new ContentFinding(ContentFindingId.HTML_TOO_LARGE, "the HTML is " + m.htmlBytes() / 1024
                    + " KB; Gmail clips above 102 KB", List.of()));
        }
        if (hidden > MAX_HIDDEN_CHARS) {
            f.add(new ContentFinding(ContentFindingId.HTML_HIDDEN_TEXT, hidden + " characters of hidden text",
                    List.of()));
        }
        if (form) {
            f.add(new ContentFinding(ContentFindingId.HTML_FORM, "the HTML contains a form", List.of()));
        }
        if (scriptTag || handlers || jsUrls) {
            f.add(new ContentFinding(ContentFindingId.HTML_SCRIPT, "the HTML contains script ("
                    + (scriptTag ? "<script>" : handlers ? "event handler attributes" : "javascript: URLs") + ")",
                    List.of()));
        }
        if (!embedded.isEmpty()) {
            f.add(new ContentFinding(ContentFindingId.HTML_EMBEDDED_OBJECT, "the HTML embeds "
                    + String.join(", ", embedded.stream().map(t -> "<" + t + ">").toList()), List.of()));
        }
        int errors = brokenHtmlErrors(m.html());
        if (errors >= BROKEN_HTML_ERRORS) {
            f.add(new ContentFinding(ContentFindingId.HTML_BROKEN, errors
                    + " structural errors in the HTML (unclosed or stray tags)", List.of()));
        }
    }

    /**
     * Tag-balance errors: end tags with no open element and elements left open. Counted by hand
     * because jsoup (rightly, for browsers) repairs such markup silently and its error list mixes in
     * harmless quirks.
     */
    static int brokenHtmlErrors(String html) {
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        int errors = 0;
        String h = html.length() > 2_000_000 ? html.substring(0, 2_000_000) : html;
        // scanned by hand as <(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)> would match: that regex's find()
        // loop was a profile hot spot; HandScannersTest compares the two
        int n = h.length();
        int from = h.indexOf('<');
        while (from >= 0) {
            int i = from + 1;
            boolean closing = i < n && h.charAt(i) == '/';
            if (closing) {
                i++;
            }
            int nameStart = i;
            while (i < n && (isAsciiLetter(h.charAt(i)) || (i > nameStart && Character.isDigit(h.charAt(i))
                    && h.charAt(i) <= '9'))) {
                i++;
            }
            if (i == nameStart) {
                from = h.indexOf('<', from + 1);
                continue;
            }
            int gt = h.indexOf('>', i);
            if (gt < 0) {
                break; // no '>' follows, so no later '<' starts a tag either
            }
            boolean selfClosing = gt - 1 >= i && h.charAt(gt - 1) == '/';
            String name = h.substring(nameStart, i).toLowerCase(Locale.ROOT);
            from = h.indexOf('<', gt + 1);
            if (!TRACKED.contains(name) || selfClosing) {
                continue;
            }
            if (!closing) {
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

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isPixel(Element img) {
        String style = img.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        boolean w1 = ONE_PIXEL.matcher(img.attr("width").strip()).matches() || STYLE_W1.matcher(style).find();
        boolean h1 = ONE_PIXEL.matcher(img.attr("height").strip()).matches() || STYLE_H1.matcher(style).find();
        return w1 && h1;
    }

    /** Share of distinct words of the smaller text that the other text also has. */
    static double similarity(String a, String b) {
        Set<String> wa = new LinkedHashSet<>(PhraseList.words(a));
        Set<String> wb = new LinkedHashSet<>(PhraseList.words(b));
        if (wa.isEmpty() || wb.isEmpty()) {
            return wa.isEmpty() && wb.isEmpty() ? 1 : 0;
        }
        Set<String> small = wa.size() <= wb.size() ? wa : wb;
        Set<String> big = small == wa ? wb : wa;
        long common = small.stream().filter(big::contains).count();
        return (double) common / small.size();
    }

    /** A link: its target, host and the text shown for it (empty for links found in plain text). */
    record Link(String href, String scheme, String host, String anchorText) {
    }

    static List<Link> links(MessageContent m, Document doc) {
        List<Link> out = new ArrayList<>();
        if (doc != null) {
            for (Element a : doc.select("a[href]")) {
                link(a.attr("href"), a.text()).ifPresent(out::add);
                if (out.size() > 20_000) {
                    return out;
                }
            }
        }
        Matcher mt = URL_IN_TEXT.matcher(m.text());
        while (mt.find() && out.size() < 20_000) {
            link(mt.group(), "").ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Link> link(String href, String text) {
        String h = href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        String scheme = lower.substring(0, lower.indexOf(':'));
        String rest = h.substring(scheme.length() + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String host = at >= 0 ? authority.substring(at + 1) : authority;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close > 0 ? host.substring(0, close + 1) : host;
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return Optional.of(new Link(h, scheme, host.toLowerCase(Locale.ROOT), text.strip()));
    }

    private static void links(List<Link> links, Set<String> listed, List<ContentFinding> f) {
        List<String> shorteners = new ArrayList<>();
        List<String> ipLiterals = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (Link l : links) {
            distinct.add(l.href());
            if (SHORTENERS.contains(l.host())
                    || (l.host().startsWith("www.") && SHORTENERS.contains(l.host().substring(4)))) {
                shorteners.add(l.href());
            }
            if (isIpLiteral(l.host())) {
                ipLiterals.add(l.href());
            }
            if (l.scheme().equals("http")) {
                plain.add(l.href());
            }
            if (listed.contains(l.host())) {
                blocked.add(l.host());
            }
            String anchor = l.anchorText();
            Matcher dm = DOMAIN_LIKE.matcher(anchor);
            // only a single short token can be a domain: skips the regex on ordinary link text
            if (!anchor.isEmpty() && anchor.length() < 256 && anchor.indexOf(' ') < 0 && anchor.indexOf('.') > 0
                    && dm.matches()) {
                String shown = dm.group(1).toLowerCase(Locale.ROOT);
                if (!sameSite(shown, l.host())) {
                    mismatched.add("text '" + l.anchorText() + "' -> " + l.host());
                }
            }
        }
        add(f, ContentFindingId.LINKS_SHORTENER, shorteners, "link(s) through a public URL shortener");
        add(f, ContentFindingId.LINKS_IP_LITERAL, ipLiterals, "link(s) to a bare IP address");
        add(f, ContentFindingId.LINKS_ANCHOR_MISMATCH, mismatched,
                "link(s) whose text shows a different domain than the link goes to (a phishing pattern)");
        if (distinct.size() > MAX_LINKS) {
            f.add(new ContentFinding(ContentFindingId.LINKS_TOO_MANY, distinct.size() + " distinct links (more than "
                    + MAX_LINKS + ")", List.of()));
        }
        add(f, ContentFindingId.LINKS_NOT_HTTPS, plain, "link(s) without https");
        add(f, ContentFindingId.LINKS_BLOCKLISTED, new ArrayList<>(new LinkedHashSet<>(blocked)),
                "linked domain(s) on a URI blocklist");
    }

    private static void add(List<ContentFinding> f, ContentFindingId id, List<String> evidence, String what) {
        if (!evidence.isEmpty()) {
            f.add(new ContentFinding(id, evidence.size() + " " + what, evidence.stream().distinct().limit(5).toList()));
        }
    }

    static boolean isIpLiteral(String host) {
        return host.startsWith("[") || IP_LITERAL_HOST.matcher(host).matches();
    }

    /**
     * Same site when the last two labels agree (three when the second-level label is short, as in
     * co.uk): a deliberate approximation, since a shown domain that differs only below the
     * registrable domain is not the phishing pattern this rule is after.
     */
    static boolean sameSite(String a, String b) {
        return site(a).equals(site(b));
    }

    private static String site(String host) {
        String h = host.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        String[] l = h.split("\\.");
        if (l.length < 2) {
            return h;
        }
        int keep = l.length >= 3 && l[l.length - 2].length() <= 3 && l[l.length - 1].length() == 2 ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(l, l.length - keep, l.length));
    }

    private static void attachments(MessageContent m, List<ContentFinding> f) {
        List<String> risky = new ArrayList<>();
        for (MessageContent.Attachment a : m.attachments()) {
            String name = a.filename().toLowerCase(Locale.ROOT).strip();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1);
            if (RISKY_EXTENSIONS.contains(ext) || a.contentType().equals("application/x-msdownload")
                    || a.contentType().equals("application/x-msdos-program")) {
                risky.add(a.filename().isEmpty() ? a.contentType() : a.filename());
            }
        }
        add(f, ContentFindingId.ATTACHMENT_RISKY, risky, "risky attachment(s) (executables, scripts, macro documents, disk images)");
    }

    static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

}
