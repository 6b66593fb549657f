package org.maildoctor.receiver.score;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.maildoctor.content.MessageContent;

/**
 * Header rules (RFC 5322 section 3.6, RFC 2045, RFC 2369, RFC 8058) over one message, returning only
 * the problems. Pure.
 */
public final class HeaderChecks {
    static final String CATEGORY = "headers";
    private static final Pattern MESSAGE_ID = Pattern.compile("^<[^<>@\\s]+@[^<>@\\s]+>$");
    private static final Pattern COMMENTS = Pattern.compile("\\([^()]*\\)");

    private HeaderChecks() {
    }

    /** The From header's single address, if it has exactly one valid one. */
    public static Optional<InternetAddress> fromAddress(MessageContent m) {
        List<String> from = m.all("From");
        if (from.size() != 1) {
            return Optional.empty();
        }
        try {
            InternetAddress[] a = InternetAddress.parseHeader(from.get(0), true);
            if (a.length != 1) {
                return Optional.empty();
            }
            a[0].validate();
            return a[0].getAddress().contains("@") ? Optional.of(a[0]) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** The domain of the From address, lower-cased. */
    public static Optional<String> fromDomain(MessageContent m) {
        return fromAddress(m).map(a -> domainOf(a.getAddress()));
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(at + 1)).toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    }

    /**
     * Bulk mail by its own marks: Precedence bulk/list, List-Id, List-Unsubscribe, Feedback-ID, or an
     * unsubscribe link in the body.
     */
    public static boolean isBulk(MessageContent m) {
        String precedence = m.first("Precedence").orElse("").strip().toLowerCase(Locale.ROOT);
        return precedence.equals("bulk") || precedence.equals("list") || !m.all("List-Id").isEmpty()
                || !m.all("List-Unsubscribe").isEmpty() || !m.all("Feedback-ID").isEmpty()
                || m.text().toLowerCase(Locale.ROOT).contains("unsubscribe")
                || m.html().toLowerCase(Locale.ROOT).contains("unsubscribe");
    }

    public static List<ScoreCheck> check(MessageContent m) {
        List<ScoreCheck> out = new ArrayList<>();
        from(m, out);
        date(m, out);
        messageId(m, out);
        if (m.all("MIME-Version").isEmpty() && (!m.html().isEmpty() || !m.attachments().isEmpty()
                || m.first("Content-Type").isPresent())) {
            out.add(ScoreCheck.warn("header.mime-version-missing", CATEGORY, "the message uses MIME (Content-Type) "
                    + "but has no MIME-Version header (RFC 2045 section 4)", "Add 'MIME-Version: 1.0'.", 0.3));
        }
        if (m.rawHeader8bit()) {
            out.add(ScoreCheck.warn("header.8bit", CATEGORY, "a header field holds raw 8-bit bytes, which only "
                    + "SMTPUTF8 (RFC 6532) sessions allow", "Encode non-ASCII header text as RFC 2047 encoded words.", 0.5));
        }
        replyTo(m, out);
        unsubscribe(m, out);
        return out;
    }

    private static void from(MessageContent m, List<ScoreCheck> out) {
        List<String> from = m.all("From");
        if (from.isEmpty()) {
            out.add(ScoreCheck.fail("header.from-missing", CATEGORY, "the message has no From header (RFC 5322 3.6 "
                    + "requires exactly one); Gmail rejects such mail", "Set a From: header with your sending address.", 2.0));
            return;
        }
        if (from.size() > 1) {
            out.add(ScoreCheck.fail("header.from-multiple", CATEGORY, "the message has " + from.size()
                    + " From headers (RFC 5322 allows one)", "Send exactly one From: header.", 1.5));
            return;
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(from.get(0), true);
        } catch (AddressException e) {
            parsed = null;
        }
        if (parsed != null && parsed.length > 1) {
            out.add(ScoreCheck.fail("header.from-multiple", CATEGORY, "From holds " + parsed.length + " addresses; "
                    + "DMARC cannot evaluate such mail and Gmail rejects it", "Put one address in From: (add a Sender: "
                    + "header if several authors are meant).", 1.5));
            return;
        }
        if (fromAddress(m).isEmpty()) {
            out.add(ScoreCheck.fail("header.from-invalid", CATEGORY, "From '" + from.get(0)
                    + "' is not a valid address (RFC 5322 3.4)", "Write From: as 'Name <user@example.org>'.", 1.5));
        }
    }

    private static final java.util.regex.Pattern WSP_RUN = java.util.regex.Pattern.compile("\\s+");

    private static void date(MessageContent m, List<ScoreCheck> out) {
        Optional<String> date = m.first("Date");
        if (date.isEmpty()) {
            out.add(ScoreCheck.warn("header.date-missing", CATEGORY, "the message has no Date header (RFC 5322 3.6 "
                    + "requires it)", "Let your mail library set Date: when the message is sent.", 0.5));
            return;
        }
        String d = WSP_RUN.matcher(COMMENTS.matcher(date.get()).replaceAll("").strip()).replaceAll(" ");
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(d);
        } catch (DateTimeParseException e) {
            out.add(ScoreCheck.warn("header.date-invalid", CATEGORY, "Date '" + date.get()
                    + "' is not an RFC 5322 date", "Format Date: like 'Tue, 1 Dec 2026 10:00:00 +0000'.", 0.3));
        }
    }

    private static void messageId(MessageContent m, List<ScoreCheck> out) {
        Optional<String> id = m.first("Message-ID");
        if (id.isEmpty()) {
            out.add(ScoreCheck.warn("header.message-id-missing", CATEGORY, "the message has no Message-ID; Gmail "
                    + "requires one of bulk senders and rejects some mail without it", "Let your mail library set "
                    + "Message-ID: <unique@your-domain>.", 1.0));
        } else if (!MESSAGE_ID.matcher(id.get().strip()).matches()) {
            out.add(ScoreCheck.warn("header.message-id-invalid", CATEGORY, "Message-ID '" + id.get()
                    + "' is not of the form <left@right> (RFC 5322 3.6.4)", "Generate Message-ID: as "
                    + "<unique@your-domain>.", 0.5));
        }
    }

    private static void replyTo(MessageContent m, List<ScoreCheck> out) {
        Optional<String> replyTo = m.first("Reply-To");
        Optional<String> fromDomain = fromDomain(m);
        if (replyTo.isEmpty() || fromDomain.isEmpty()) {
            return;
        }
        try {
            InternetAddress[] a = InternetAddress.parseHeader(replyTo.get(), true);
            for (InternetAddress x : a) {
                x.validate();
            }
            for (InternetAddress x : a) {
                String d = domainOf(x.getAddress());
                if (!d.equals(fromDomain.get()) && !d.endsWith("." + fromDomain.get())
                        && !fromDomain.get().endsWith("." + d)) {
                    out.add(ScoreCheck.info("header.reply-to-other-domain", CATEGORY, "replies go to " + d
                            + ", not the From domain " + fromDomain.get() + "; fine if intended, a phishing mark if not"));
                    return;
                }
            }
        } catch (AddressException e) {
            out.add(ScoreCheck.warn("header.reply-to-invalid", CATEGORY, "Reply-To '" + replyTo.get()
                    + "' is not a valid address", "Write Reply-To: as 'user@example.org'.", 0.3));
        }
    }

    private static void unsubscribe(MessageContent m, List<ScoreCheck> out) {
        Optional<String> lu = m.first("List-Unsubscribe");
        Optional<String> post = m.first("List-Unsubscribe-Post");
        boolean bulk = isBulk(m);
        if (lu.isEmpty()) {
            if (bulk) {
                out.add(ScoreCheck.fail("header.list-unsubscribe-missing", CATEGORY, "this looks like bulk mail but "
                        + "has no List-Unsubscribe header; Gmail and Yahoo require one-click unsubscribe of bulk "
                        + "senders since February 2024", "Add 'List-Unsubscribe: <https://…/unsub?id=…>, "
                        + "<mailto:unsub@…>' and 'List-Unsubscribe-Post: List-Unsubscribe=One-Click' (RFC 8058).", 1.5));
            }
            if (post.isPresent()) {
                out.add(ScoreCheck.warn("header.one-click-without-list-unsubscribe", CATEGORY,
                        "List-Unsubscribe-Post without List-Unsubscribe does nothing", "Add the List-Unsubscribe "
                        + "header with an https URI.", 0.5));
            }
            return;
        }
        boolean https = lu.get().toLowerCase(Locale.ROOT).contains("<https://");
        if (post.isEmpty()) {
            out.add(ScoreCheck.warn("header.one-click-post-missing", CATEGORY, "List-Unsubscribe is there but not "
                    + "List-Unsubscribe-Post, so mailbox providers cannot offer one-click unsubscribe (RFC 8058)",
                    "Add 'List-Unsubscribe-Post: List-Unsubscribe=One-Click' and accept a POST on the https URI.",
                    bulk ? 1.0 : 0.3));
        } else if (!post.get().replace(" ", "").equalsIgnoreCase("List-Unsubscribe=One-Click")) {
            out.add(ScoreCheck.warn("header.one-click-post-invalid", CATEGORY, "List-Unsubscribe-Post is '"
                    + post.get() + "', RFC 8058 requires exactly 'List-Unsubscribe=One-Click'",
                    "Set 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'.", 0.5));
        } else if (!https) {
            out.add(ScoreCheck.warn("header.one-click-no-https", CATEGORY, "one-click unsubscribe needs an https URI "
                    + "in List-Unsubscribe (RFC 8058 section 3.1); this one has none", "Add an <https://…> URI that "
                    + "unsubscribes on POST.", 0.5));
        }
        if (bulk && m.all("Feedback-ID").isEmpty()) {
            out.add(ScoreCheck.info("header.feedback-id-missing", CATEGORY, "no Feedback-ID header: Gmail's "
                    + "Postmaster Tools feedback loop reports spam rates per Feedback-ID"));
        }
    }
}
