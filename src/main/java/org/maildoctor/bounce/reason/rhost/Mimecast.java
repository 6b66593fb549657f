package org.maildoctor.bounce.reason.rhost;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/**
 * Mimecast (https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes):
 * each documented sentence comes with its reply code, and both must match.
 */
final class Mimecast implements RemoteHost {

    private record Entry(int code, String phrase, Reason reason) {
    }

    private static final List<Entry> TABLE = List.of(
            new Entry(550, "spf sender invalid - envelope rejected", Reason.AUTHFAILURE),
            new Entry(550, "dkim sender invalid - envelope rejected", Reason.AUTHFAILURE),
            new Entry(550, "dmarc sender invalid - envelope rejected", Reason.AUTHFAILURE),
            new Entry(451, "internal resources are temporarily unavailable", Reason.BADREPUTATION),
            new Entry(550, "local ct ip reputation - (reject)", Reason.BADREPUTATION),
            new Entry(421, "sender address blocked", Reason.BLOCKED),
            new Entry(451, "recipient temporarily unavailable", Reason.BLOCKED),
            new Entry(451, "ip temporarily blacklisted", Reason.BLOCKED),
            new Entry(550, "journal messages past the expiration", Reason.EXPIRED),
            new Entry(553, "this route requires encryption (tls)", Reason.FAILEDSTARTTLS),
            new Entry(553, "this route requires tls version 1.2 or greater", Reason.FAILEDSTARTTLS),
            new Entry(553, "this route requires high-strength ciphers", Reason.FAILEDSTARTTLS),
            new Entry(554, "configuration is invalid for this certificate", Reason.FAILEDSTARTTLS),
            new Entry(554, "maximum email size exceeded", Reason.MESGTOOBIG),
            new Entry(451, "the incorrect hostname used for inbounds", Reason.NETWORKERROR),
            new Entry(550, "the incorrect hostname used for inbounds", Reason.NETWORKERROR),
            new Entry(554, "mail loop detected", Reason.NETWORKERROR),
            new Entry(451, "open relay not allowed", Reason.NORELAYING),
            new Entry(451, "open relay is not allowed", Reason.NORELAYING),
            new Entry(451, "account inbounds disabled", Reason.NOTACCEPT),
            new Entry(451, "account outbounds disabled", Reason.ONHOLD),
            new Entry(451, "hostname is not authorized", Reason.ONHOLD),
            new Entry(550, "journal message past expiration", Reason.ONHOLD),
            new Entry(550, "anti-spoofing policy - inbound not allowed", Reason.POLICYVIOLATION),
            new Entry(550, "rejected by header-based anti-spoofing policy", Reason.POLICYVIOLATION),
            new Entry(550, "message bounced due to content examination policy", Reason.POLICYVIOLATION),
            new Entry(554, "host network not allowed", Reason.POLICYVIOLATION),
            new Entry(554, "host network, not allowed", Reason.POLICYVIOLATION),
            new Entry(550, "administrative prohibition envelope blocked", Reason.REJECTED),
            new Entry(550, "envelope blocked - user entry", Reason.REJECTED),
            new Entry(550, "envelope blocked - user domain entry", Reason.REJECTED),
            new Entry(550, "rejected by header-based manually blocked senders - block for manual block", Reason.REJECTED),
            new Entry(550, "rejected by header-based blocked senders - block policy for header from", Reason.REJECTED),
            new Entry(550, "envelope rejected - block policy for envelope from address", Reason.REJECTED),
            new Entry(535, "incorrect authentication data", Reason.SECURITYERROR),
            new Entry(550, "submitter failed to disabled", Reason.SECURITYERROR),
            new Entry(550, "submitter failed to authenticate", Reason.SECURITYERROR),
            new Entry(451, "unable to process connection at this time", Reason.SYSTEMERROR),
            new Entry(451, "message ended early", Reason.SYSTEMERROR),
            new Entry(451, "unable to process command", Reason.SYSTEMERROR),
            new Entry(451, "unable to process an email at this time", Reason.SYSTEMERROR),
            new Entry(451, "account service is temporarily unavailable", Reason.TOOMANYCONN),
            new Entry(452, "too many recipients", Reason.TOOMANYCONN),
            new Entry(550, "exceeding outbound thread limit", Reason.TOOMANYCONN),
            new Entry(501, "invalid address", Reason.USERUNKNOWN),
            new Entry(503, "user unknown", Reason.USERUNKNOWN),
            new Entry(550, "invalid recipient", Reason.USERUNKNOWN),
            // a virus signature or a spam score over the limit: Mimecast does not say which
            new Entry(554, "email rejected due to security policies", Reason.VIRUSDETECTED));

    @Override
    public List<String> hosts() {
        return List.of(".mimecast.com");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        if (f.replyCode().isEmpty()) {
            return Optional.empty();
        }
        int code = f.replyCode().get();
        String text = f.lower();
        return TABLE.stream().filter(e -> e.code() == code && text.contains(e.phrase())).map(Entry::reason).findFirst();
    }
}
