package org.maildoctor.warmup;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Where a warm-up mailbox lives, with the provider's published daily sending limit. The limits are
 * the providers' documented per-account figures at the time of writing (they change, and differ by
 * plan); a request may lower or set the cap explicitly, and {@link #CUSTOM} servers have none.
 */
public enum MailboxProvider {
    GMAIL("gmail", "Gmail", 500),
    GOOGLE_WORKSPACE("google-workspace", "Google Workspace", 2_000),
    MICROSOFT_365("microsoft-365", "Microsoft 365", 10_000),
    OUTLOOK_COM("outlook", "Outlook.com", 300),
    YAHOO("yahoo", "Yahoo Mail", 500),
    ZOHO("zoho", "Zoho Mail", 500),
    ICLOUD("icloud", "iCloud Mail", 1_000),
    FASTMAIL("fastmail", "Fastmail", 4_000),
    CUSTOM("custom", "Custom server", 0);

    private final String key;
    private final String label;
    private final int dailyLimit;

    MailboxProvider(String key, String label, int dailyLimit) {
        this.key = key;
        this.label = label;
        this.dailyLimit = dailyLimit;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The provider's daily sending limit; empty for a custom server, whose limit only its operator knows. */
    public OptionalInt dailyLimit() {
        return dailyLimit == 0 ? OptionalInt.empty() : OptionalInt.of(dailyLimit);
    }

    /** By key ({@code gmail}, {@code microsoft-365} …), case-insensitive; a clear error names the known keys. */
    public static MailboxProvider parse(String text) {
        String k = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MailboxProvider p : values()) {
            if (p.key.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + text + "'; known: "
                + Arrays.stream(values()).map(MailboxProvider::key).collect(Collectors.joining(", ")));
    }
}
