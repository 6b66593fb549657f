package org.maildoctor.bounce.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the mailbox provider behind a recipient: by the recipient's domain (consumer mail) or by
 * the receiving server's name (hosted business mail, gateways). Pure; "other" when unknown.
 */
public final class Providers {

    private static final Map<String, List<String>> DOMAINS = Map.of(
            "Google", List.of("gmail.com", "googlemail.com"),
            "Microsoft", List.of("outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.uk", "hotmail.fr",
                    "outlook.fr", "live.fr", "live.co.uk", "outlook.de", "hotmail.de"),
            "Yahoo", List.of("yahoo.com", "ymail.com", "rocketmail.com", "aol.com", "yahoo.co.jp", "yahoo.co.uk",
                    "yahoo.fr", "yahoo.de", "aim.com"),
            "Apple", List.of("icloud.com", "me.com", "mac.com"),
            "GMX/web.de", List.of("gmx.de", "gmx.net", "gmx.com", "web.de"),
            "Yandex", List.of("yandex.ru", "yandex.com", "ya.ru"),
            "Mail.ru", List.of("mail.ru", "bk.ru", "inbox.ru", "list.ru"),
            "Tencent", List.of("qq.com", "foxmail.com"));

    private static final Map<String, String> SERVERS = Map.ofEntries(
            Map.entry(".google.com", "Google"), Map.entry(".googlemail.com", "Google"),
            Map.entry(".protection.outlook.com", "Microsoft"), Map.entry(".outlook.com", "Microsoft"),
            Map.entry(".hotmail.com", "Microsoft"), Map.entry(".yahoodns.net", "Yahoo"),
            Map.entry(".yahoo.com", "Yahoo"), Map.entry(".icloud.com", "Apple"),
            Map.entry(".pphosted.com", "Proofpoint"), Map.entry(".ppe-hosted.com", "Proofpoint"),
            Map.entry(".mimecast.com", "Mimecast"), Map.entry(".messagelabs.com", "Broadcom MessageLabs"),
            Map.entry(".barracudanetworks.com", "Barracuda"), Map.entry(".amazonses.com", "Amazon SES"),
            Map.entry(".sendgrid.net", "SendGrid"), Map.entry(".mailgun.org", "Mailgun"));

    private Providers() {
    }

    public static String of(String recipientDomain, String remoteMta) {
        String d = recipientDomain == null ? "" : recipientDomain.toLowerCase(Locale.ROOT);
        for (var e : DOMAINS.entrySet()) {
            if (e.getValue().contains(d)) {
                return e.getKey();
            }
        }
        String host = "." + hostName(remoteMta);
        for (var e : SERVERS.entrySet()) {
            if (host.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "other";
    }

    /** "dns; mx.example.com [192.0.2.1]" and "mx.example.com." both name mx.example.com. */
    static String hostName(String mta) {
        if (mta == null) {
            return "";
        }
        String h = mta.replaceFirst("(?i)^\\s*dns\\s*;\\s*", "").trim();
        int cut = h.indexOf(' ');
        h = cut > 0 ? h.substring(0, cut) : h;
        h = h.replaceAll("[\\[\\]]", "");
        return h.endsWith(".") ? h.substring(0, h.length() - 1).toLowerCase(Locale.ROOT) : h.toLowerCase(Locale.ROOT);
    }

    /** The domain part of an address, lower case; empty when there is none. */
    public static String domainOf(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return "";
        }
        return address.substring(at + 1).replaceAll("[>\\s]+$", "").toLowerCase(Locale.ROOT);
    }
}
