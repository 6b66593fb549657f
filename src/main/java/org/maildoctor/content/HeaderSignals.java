package org.maildoctor.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sender and transport header signals of forged or ratware-built mail: what a spam filter reads from
 * the headers before the body (the claimed mail program against the Message-ID it would write, a
 * free-mail From that never passed through that provider, impossible zones, dates far from the
 * Received stamps). Each rule looks at what the sender's own software wrote, so a template pasted
 * without transport headers triggers none of them.
 */
final class HeaderSignals {
    /** Hours a Date may run ahead of the earliest Received stamp (clock drift). */
    static final long FUTURE_SECONDS = 6 * 3600;
    /** Days a Date may lag behind the earliest Received stamp (messages written offline, queued). */
    static final long PAST_SECONDS = 4 * 86400;
    /** Outlook's and Outlook Express's Message-ID: 4 hex digits, the high half of the FILETIME, $, $. */
    private static final Pattern OUTLOOK_ID = Pattern.compile(
            "<[0-9a-fA-F]{4}([0-9a-fA-F]{8})\\$[0-9a-fA-F]{8}\\$[0-9a-fA-F]{8}@[^<>@\\s]+>");
    /** Outlook 2000 in Internet-mail-only mode: 28 letters A-P, a dot, the sender's address. */
    private static final Pattern OUTLOOK_IMO_ID = Pattern.compile("<[A-P]{28}\\.[^<>\\s]+@[^<>@\\s]+>");
    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>\"(),;:]+)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern HOST = Pattern.compile("[a-z0-9-]+(?:\\.[a-z0-9-]+)+");
    private static final Pattern NUMBERED_LOCAL = Pattern.compile("[a-z_.-]\\d{3,}@");
    private static final Pattern RANDOM_TOKEN = Pattern.compile("(?=.*[a-z])(?=.*[A-Z0-9])[A-Za-z0-9]+");
    private static final Pattern FROM_HELO = Pattern.compile("^\\s*from\\s+\\S+");
    /** 100-ns ticks from 1601-01-01 (FILETIME) to 1970-01-01. */
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;
    /**
     * The big free-mail providers and the host-name suffixes their outbound servers carry: mail
     * From one of them that no Received header shows coming through such a host was not sent by
     * the provider (the rule behind SpamAssassin's FORGED_YAHOO_RCVD / FORGED_HOTMAIL_RCVD).
     */
    private static final Map<String, List<String>> PROVIDER_RELAYS = Map.ofEntries(
            Map.entry("yahoo", List.of("yahoo.com", "yahoo.net", "yahoodns.net", "yahoo.co.jp")),
            Map.entry("ymail.com", List.of("yahoo.com", "yahoo.net", "yahoodns.net")),
            Map.entry("rocketmail.com", List.of("yahoo.com", "yahoo.net", "yahoodns.net")),
            Map.entry("hotmail", List.of("hotmail.com", "msn.com", "outlook.com", "live.com")),
            Map.entry("msn.com", List.of("hotmail.com", "msn.com", "outlook.com")),
            Map.entry("live.com", List.of("hotmail.com", "outlook.com", "live.com")),
            Map.entry("outlook.com", List.of("outlook.com", "hotmail.com")),
            Map.entry("aol.com", List.of("aol.com", "aol.net", "aim.com")),
            Map.entry("aim.com", List.of("aol.com", "aim.com")),
            Map.entry("gmail.com", List.of("google.com", "gmail.com")),
            Map.entry("googlemail.com", List.of("google.com", "googlemail.com")),
            Map.entry("excite.com", List.of("excite.com")),
            Map.entry("lycos.com", List.of("lycos.com")),
            Map.entry("juno.com", List.of("juno.com", "untd.com")),
            Map.entry("netzero.net", List.of("netzero.net", "untd.com")),
            Map.entry("compuserve.com", List.of("compuserve.com", "cs.com")),
            Map.entry("gmx.net", List.of("gmx.net", "gmx.de", "gmx.com")),
            Map.entry("web.de", List.of("web.de")));
    private static final java.util.Set<String> HTTP_MAIL_DOMAINS = java.util.Set.of("hotmail.com", "msn.com");

    private HeaderSignals() {
    }

    static void check(MessageContent m, List<ContentFinding> f) {
        Optional<MailDate> date = m.first("Date").flatMap(MailDate::parse);
        forgedMailer(m, date, f);
        randomMailer(m, f);
        List<String> received = m.all("Received");
        Optional<String> from = m.first("From").flatMap(HeaderSignals::address);
        from.ifPresent(a -> freemailNotRelayed(a, received, f));
        from.filter(a -> NUMBERED_LOCAL.matcher(a).find() && isFree(domain(a))).ifPresent(a ->
                f.add(new ContentFinding(ContentFindingId.SENDER_FREEMAIL_NUMBERED, "From is a free-mail address "
                        + "whose name ends in a run of digits, as throw-away sender accounts do", List.of(a))));
        m.first("Reply-To").flatMap(HeaderSignals::address).ifPresent(r -> {
            String d = domain(r);
            if (isFree(d) && from.map(a -> !domain(a).equals(d)).orElse(true)) {
                f.add(new ContentFinding(ContentFindingId.SENDER_REPLY_TO_FREEMAIL, "replies go to a free-mail "
                        + "address that is not the sender's", List.of(r)));
            }
        });
        date.ifPresent(d -> dates(d, received, f));
        m.first("To").ifPresent(to -> {
            if (address(to).isEmpty()) {
                f.add(new ContentFinding(ContentFindingId.HEADERS_RECIPIENTS_HIDDEN, "To names no address ('"
                        + to + "'): every recipient was a blind copy", List.of(to)));
            }
        });
        String priority = m.first("X-Priority").orElse("").strip();
        if (priority.startsWith("1") || m.first("X-MSMail-Priority").orElse("").strip().equalsIgnoreCase("high")) {
            f.add(new ContentFinding(ContentFindingId.HEADERS_HIGH_PRIORITY, "the message is marked urgent "
                    + "(X-Priority / X-MSMail-Priority)", List.of()));
        }
    }

    /**
     * A mail program names itself with words and a version ("Mutt/1.2.5i", "Microsoft Outlook Express
     * 6.00"); a single run of 12 or more letters and digits is a random token bulk software puts there
     * to defeat exact-match filters.
     */
    private static void randomMailer(MessageContent m, List<ContentFinding> f) {
        String mailer = m.first("X-Mailer").orElse("").strip();
        if (mailer.length() >= 12 && RANDOM_TOKEN.matcher(mailer).matches()) {
            f.add(new ContentFinding(ContentFindingId.SENDER_RANDOM_MAILER, "X-Mailer is a random token, not a "
                    + "mail program's name", List.of(mailer)));
        }
    }

    /** X-Mailer claims Outlook, but the Message-ID is not one Outlook writes, or its timestamp is not the Date's. */
    private static void forgedMailer(MessageContent m, Optional<MailDate> date, List<ContentFinding> f) {
        String mailer = m.first("X-Mailer").orElse("");
        if (!mailer.contains("Microsoft Outlook")) {
            return;
        }
        String id = m.first("Message-ID").orElse("").strip();
        if (id.endsWith(">") && HTTP_MAIL_DOMAINS.contains(id.substring(id.lastIndexOf('@') + 1, id.length() - 1)
                .toLowerCase(Locale.ROOT))) {
            return; // Outlook Express reading a Hotmail account over HTTPMail gets Hotmail's ids
        }
        if (mailer.contains("IMO") && OUTLOOK_IMO_ID.matcher(id).matches()) {
            return;
        }
        Matcher om = OUTLOOK_ID.matcher(id);
        String why = null;
        if (!om.matches()) {
            why = "the Message-ID " + id + " is not in Outlook's form";
        } else if (date.isPresent()) {
            long stamp = (Long.parseLong(om.group(1), 16) << 32) / 10_000_000L - FILETIME_EPOCH_SECONDS;
            if (Math.abs(stamp - date.get().epochSecond()) > 2 * 86400) {
                why = "the time inside the Message-ID " + id + " is not the Date's";
            }
        }
        if (why != null) {
            f.add(new ContentFinding(ContentFindingId.SENDER_FORGED_MAILER, "X-Mailer claims '" + mailer
                    + "' but " + why, List.of(mailer, id)));
        }
    }

    private static void freemailNotRelayed(String from, List<String> received, List<ContentFinding> f) {
        Optional<List<String>> relays = relaysOf(domain(from));
        if (relays.isEmpty() || received.isEmpty()) {
            return; // no transport headers (a pasted template): nothing to compare
        }
        for (String r : received) {
            String lower = r.toLowerCase(Locale.ROOT);
            // the HELO name after "from" is the client's own claim; the rest (reverse DNS, "by") is not
            Matcher helo = FROM_HELO.matcher(lower);
            Matcher h = HOST.matcher(helo.find() ? lower.substring(helo.end()) : lower);
            while (h.find()) {
                String host = h.group();
                for (String suffix : relays.get()) {
                    if (host.equals(suffix) || host.endsWith("." + suffix)) {
                        return;
                    }
                }
            }
        }
        f.add(new ContentFinding(ContentFindingId.SENDER_FREEMAIL_FORGED, "From is a " + domain(from)
                + " address but no Received header shows the message leaving that provider's servers",
                List.of(from)));
    }

    private static void dates(MailDate date, List<String> received, List<ContentFinding> f) {
        if (!date.offsetPossible()) {
            f.add(new ContentFinding(ContentFindingId.DATE_IMPOSSIBLE_ZONE, "the Date's zone offset "
                    + String.format(Locale.ROOT, "%+05d", date.offsetMinutes() / 60 * 100 + date.offsetMinutes() % 60)
                    + " exists nowhere (offsets run from -1200 to +1400)", List.of()));
            return;
        }
        List<Long> stamps = new ArrayList<>();
        for (String r : received) {
            int semi = r.lastIndexOf(';');
            if (semi >= 0) {
                MailDate.parse(r.substring(semi + 1)).filter(MailDate::offsetPossible)
                        .ifPresent(d -> stamps.add(d.epochSecond()));
            }
        }
        if (stamps.isEmpty()) {
            return;
        }
        // every relay stamps after the sender wrote Date, so the earliest stamp bounds it
        long first = stamps.stream().mapToLong(Long::longValue).min().orElseThrow();
        if (date.epochSecond() - first > FUTURE_SECONDS) {
            f.add(new ContentFinding(ContentFindingId.DATE_SKEWED, "the Date is " + hours(date.epochSecond() - first)
                    + " hours later than the first relay received the message", List.of()));
        } else if (first - date.epochSecond() > PAST_SECONDS) {
            f.add(new ContentFinding(ContentFindingId.DATE_SKEWED, "the Date is " + hours(first - date.epochSecond())
                    + " hours before the first relay received the message", List.of()));
        }
    }

    private static long hours(long seconds) {
        return seconds / 3600;
    }

    static Optional<String> address(String header) {
        Matcher am = ADDRESS.matcher(header);
        return am.find() ? Optional.of(am.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean isFree(String domain) {
        return relaysOf(domain).isPresent() || org.maildoctor.verify.AddressLists.standard().isFree(domain);
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** The relay suffixes of a big free-mail provider's domain (yahoo.* and hotmail.* in every country). */
    static Optional<List<String>> relaysOf(String domain) {
        List<String> direct = PROVIDER_RELAYS.get(domain);
        if (direct != null) {
            return Optional.of(direct);
        }
        String label = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
        return (label.equals("yahoo") || label.equals("hotmail")) ? Optional.of(PROVIDER_RELAYS.get(label))
                : Optional.empty();
    }
}
