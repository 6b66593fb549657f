package org.maildoctor.content;

/**
 * Every problem the template checker can report, with its stable id (used in JSON and in the
 * crafted-message table test), the points it costs out of 10, its spam weight and the fix. Weights
 * are ours: points rank problems by how much they hurt a template's delivery; spam weights rank how
 * much they tell spam from legitimate mail, as spam filters weigh them (SpamAssassin's scores as a
 * guide), and were set by that reasoning, not fitted to a corpus.
 */
public enum ContentFindingId {
    SUBJECT_MISSING("subject.missing", 1.0, 1.0, "Give every message a short, specific Subject."),
    SUBJECT_SPAM_PHRASES("subject.spam-phrases", 1.5, 1.5, "Rewrite the subject in plain words that describe the content; drop sales clichés."),
    SUBJECT_ALL_CAPS("subject.all-caps", 1.0, 1.5, "Write the subject in sentence case; capitals read as shouting and filters score them."),
    SUBJECT_PUNCTUATION("subject.excessive-punctuation", 0.8, 1.0, "Use at most one exclamation or question mark and no runs like !!! or $$$."),
    SUBJECT_EXCLAMATION("subject.exclamation", 0.3, 0.7, "End the subject with a full stop or nothing; an exclamation mark in a subject is a sales-pitch mark filters score."),
    BODY_EMPTY("body.empty", 2.0, 1.0, "Send a body with real text; empty or near-empty messages look like probes or spam."),
    BODY_SPAM_PHRASES("body.spam-phrases", 1.5, 1.0, "Replace the flagged phrases with concrete, factual wording."),
    BODY_SPAM_PHRASES_MANY("body.spam-phrases-many", 2.0, 2.0, "Rewrite the message in concrete, factual wording: it is built from sales and scam clichés."),
    BODY_ALL_CAPS("body.all-caps", 1.0, 1.5, "Write the body in normal case; emphasise with structure, not capitals."),
    BODY_PUNCTUATION("body.excessive-punctuation", 0.5, 1.0, "Cut repeated exclamation marks and currency symbols."),
    MIME_MALFORMED("mime.malformed", 2.0, 1.5, "Build the message with a standard MIME library; check boundaries and Content-Type headers."),
    MIME_NO_TEXT_PART("mime.no-text-alternative", 1.0, 0.3, "Send multipart/alternative with a text/plain part next to the HTML."),
    MIME_PARTS_DISAGREE("mime.parts-disagree", 1.0, 1.0, "Generate the text/plain part from the same content as the HTML part."),
    HTML_IMAGE_RATIO("html.image-text-ratio", 1.5, 0.3, "Put the message in text and use images only as illustration (at least a few hundred characters of text per image)."),
    HTML_IMAGE_NO_ALT("html.image-no-alt", 0.3, 0.0, "Give every <img> an alt attribute (alt=\"\" for decoration)."),
    HTML_TRACKING_PIXEL("html.tracking-pixel", 0.2, 0.0, "Keep at most one open-tracking pixel and host it on your own (authenticated) domain."),
    HTML_TOO_LARGE("html.too-large", 1.0, 0.0, "Keep the HTML under 102 KB: Gmail clips larger messages (and hides the unsubscribe link at the bottom)."),
    HTML_HIDDEN_TEXT("html.hidden-text", 1.5, 2.0, "Remove hidden text (display:none, zero font size); filters treat it as an attempt to fool them. A short preheader is fine."),
    HTML_FORM("html.form", 1.0, 0.2, "Link to a form on your web site instead of embedding one; most clients disable forms in mail."),
    HTML_SCRIPT("html.script", 2.0, 0.3, "Remove <script>, event handlers and javascript: URLs; mail clients strip them and filters penalise them."),
    HTML_EMBEDDED_OBJECT("html.embedded-object", 1.5, 0.2, "Remove <object>, <embed>, <iframe> and <applet>; link to the content instead."),
    HTML_BROKEN("html.broken", 0.5, 0.2, "Validate the HTML: close every tag and nest elements properly."),
    LINKS_SHORTENER("links.shortener", 1.5, 1.0, "Link with full URLs on your own domain; public URL shorteners are shared with spammers and often blocklisted."),
    LINKS_IP_LITERAL("links.ip-literal", 2.0, 2.0, "Link to a host name on your domain, never to a bare IP address."),
    LINKS_ANCHOR_MISMATCH("links.anchor-mismatch", 2.0, 0.3, "Make the link text show the same domain the link goes to (or use words, not a URL, as link text)."),
    LINKS_TOO_MANY("links.too-many", 0.5, 0.0, "Keep to a few dozen links; link-heavy mail scores like spam."),
    LINKS_NOT_HTTPS("links.not-https", 0.3, 0.0, "Use https:// for every link."),
    LINKS_BLOCKLISTED("links.blocklisted", 3.0, 3.0, "Remove links to the listed domains, or get them delisted; one listed link can send the whole message to spam."),
    SENDER_FORGED_MAILER("sender.forged-mailer", 2.5, 3.0, "Send through the mail program the X-Mailer header names, or drop X-Mailer; a Message-ID the claimed program never writes marks bulk-mailing software posing as a mail client."),
    SENDER_RANDOM_MAILER("sender.random-mailer", 1.0, 2.0, "Let X-Mailer name the real sending program and version, or leave it out; a random token there marks bulk-mailing software."),
    SENDER_FREEMAIL_FORGED("sender.freemail-forged", 2.0, 2.5, "Send free-mail addresses only through their provider's own servers; for bulk mail use your own domain with SPF, DKIM and DMARC."),
    SENDER_FREEMAIL_NUMBERED("sender.freemail-numbered", 0.3, 1.0, "Send from an address on your own domain; a free-mail address numbered like john4711 reads as a throw-away account."),
    SENDER_REPLY_TO_FREEMAIL("sender.reply-to-freemail", 1.0, 1.5, "Point Reply-To at an address on your own domain; replies diverted to a free-mail box are a fraud pattern."),
    DATE_IMPOSSIBLE_ZONE("date.impossible-zone", 1.5, 2.5, "Let the mail library write Date from the system clock and zone; no zone is more than 14 hours from UTC."),
    DATE_SKEWED("date.skewed", 1.5, 2.0, "Set the sending machine's clock (NTP) and write Date when the message is sent, not when it was drafted."),
    HEADERS_RECIPIENTS_HIDDEN("headers.recipients-hidden", 0.5, 1.5, "Address each message To: its recipient; a To without any address (undisclosed-recipients) means everyone got a blind copy, as in bulk spam."),
    HEADERS_HIGH_PRIORITY("headers.high-priority", 0.5, 1.0, "Drop X-Priority: 1 / X-MSMail-Priority: High; urgency flags on marketing mail are a spam mark."),
    ATTACHMENT_RISKY("attachment.risky-type", 3.0, 2.0, "Do not attach executables, scripts, macro documents or disk images; share a link to a download page instead.");

    private final String id;
    private final double points;
    private final double spamWeight;
    private final String fix;

    ContentFindingId(String id, double points, double spamWeight, String fix) {
        this.id = id;
        this.points = points;
        this.spamWeight = spamWeight;
        this.fix = fix;
    }

    /**
     * How strongly the finding marks spam rather than an untidy template, summed into
     * {@link ContentReport#spamScore()}: template hygiene (tracking pixels, alt text, many or
     * {@code http:} links) that legitimate newsletters share weighs little or nothing; forged
     * headers, impossible dates, obfuscation and IP-literal links weigh most.
     */
    public double spamWeight() {
        return spamWeight;
    }

    /** The stable id, e.g. {@code links.shortener}. */
    public String id() {
        return id;
    }

    /** Points deducted from 10. */
    public double points() {
        return points;
    }

    public String fix() {
        return fix;
    }
}
