package org.maildoctor.warmup.account;

/** What the stored secret is: a password (or app password), or an OAuth2 access token for XOAUTH2. */
public enum AuthKind {
    PASSWORD("password"),
    XOAUTH2("xoauth2");

    private final String key;

    AuthKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static AuthKind parse(String text) {
        for (AuthKind k : values()) {
            if (k.key.equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown auth '" + text + "'; known: password, xoauth2");
    }
}
