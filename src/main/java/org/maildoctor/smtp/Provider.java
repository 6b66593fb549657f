package org.maildoctor.smtp;

/** Mailbox providers whose replies carry their own codes and that the knowledge base has notes for. */
public enum Provider {
    GMAIL("gmail"),
    MICROSOFT("microsoft"),
    YAHOO("yahoo");

    private final String key;

    Provider(String key) {
        this.key = key;
    }

    /** Lower-case name used in data files and JSON. */
    public String key() {
        return key;
    }
}
