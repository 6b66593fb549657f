package org.maildoctor.warmup;

/** Whether the domain or mailbox has a sending history: a new one grows at half the step. */
public enum MailboxAge {
    NEW("new"),
    AGED("aged");

    private final String key;

    MailboxAge(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
