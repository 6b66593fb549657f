package org.maildoctor.smtp;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a message was not delivered, in Sisimai v5's vocabulary (36 names; see
 * {@code corpora/bounces/README.md}), so our results compare row by row with the peer's tables.
 *
 * <p>{@link #hardByDefault()} follows Sisimai's meaning of "hard bounce": the recipient address
 * itself is permanently bad and should be suppressed. A blocked IP or a failed DMARC check is a
 * permanent rejection of this message, but the address is fine, so those are soft.
 */
public enum Reason {
    AUTHFAILURE("SPF, DKIM or DMARC authentication failed"),
    BADREPUTATION("Rejected because of the sending IP's or domain's poor reputation"),
    BLOCKED("The sending IP or domain is blocked (blocklist, banned IP)"),
    CONTENTERROR("The message content or format was rejected"),
    DELIVERED("Delivered successfully"),
    EXCEEDLIMIT("The message exceeds the recipient's size limit"),
    EXPIRED("Delivery time expired: the message stayed in the queue too long"),
    FAILEDSTARTTLS("STARTTLS failed or TLS was required and not available"),
    FEEDBACK("A complaint (ARF feedback report), not a bounce"),
    FILTERED("Rejected by the recipient's own filter or settings"),
    HASMOVED("The recipient's address has moved, with no forwarding"),
    HOSTUNKNOWN("The recipient's domain does not exist or has no mail host"),
    MAILBOXFULL("The recipient's mailbox is full"),
    MAILERERROR("A mail program on the receiving side failed"),
    MESGTOOBIG("The message is too big for the receiving system"),
    NETWORKERROR("A network, DNS or routing problem (loop, unreachable host)"),
    NORELAYING("The server refused to relay the message"),
    NOTACCEPT("The recipient's domain or host accepts no mail (null MX)"),
    NOTCOMPLIANTRFC("The message does not follow RFC 5322 (headers, format)"),
    ONHOLD("Held: the cause could not be decided yet"),
    POLICYVIOLATION("Rejected by the receiver's policy"),
    REJECTED("The sender (envelope MAIL FROM) was rejected"),
    REQUIREPTR("The sending IP has no valid reverse DNS (PTR)"),
    SECURITYERROR("A security error: SMTP authentication or encryption requirement not met"),
    SPAMDETECTED("The message was judged to be spam"),
    SPEEDING("Too much mail too fast: rate limited"),
    SUPPRESSED("The address is on a suppression list of the sending service"),
    SUSPEND("The recipient's mailbox is disabled or suspended"),
    SYNTAXERROR("An SMTP command or protocol syntax error"),
    SYSTEMERROR("An error on the receiving mail system"),
    SYSTEMFULL("The receiving mail system's disk is full"),
    TOOMANYCONN("Too many connections from the sender"),
    UNDEFINED("The cause could not be determined"),
    USERUNKNOWN("The recipient's mailbox does not exist"),
    VACATION("An automatic reply (out of office), not a bounce"),
    VIRUSDETECTED("The message was judged to carry a virus");

    private final String summary;

    Reason(String summary) {
        this.summary = summary;
    }

    /** Sisimai's lower-case name, e.g. {@code userunknown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    /**
     * Sisimai 5's hard-bounce rule: only these three mean the address is gone. {@link #NOTACCEPT} is
     * hard when the reply is permanent; see {@link #isHard(boolean)}.
     */
    public boolean hardByDefault() {
        return this == USERUNKNOWN || this == HOSTUNKNOWN || this == HASMOVED || this == NOTACCEPT;
    }

    /** Hard or soft for a reply that is {@code transientFailure} (4xx) or not. 4xx is always soft. */
    public boolean isHard(boolean transientFailure) {
        return !transientFailure && hardByDefault();
    }

    public static Optional<Reason> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Reason r : values()) {
            if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
