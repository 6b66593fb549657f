package org.maildoctor.bounce.reason.rhost;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/**
 * One receiving provider's own error codes and wording, the way its postmaster pages document
 * them (Orange's "LPN007_416", Cox's "AUP#CXBL", GoDaddy's "IB506"): there the provider's table
 * says more than the code. The peer decoder (Sisimai 5, BSD-2-Clause) calls these "rhost" tables;
 * ours follow its lists and cite the provider page in each class. Adding a provider means adding
 * one class and one line in {@link RemoteHosts}.
 */
public interface RemoteHost {

    /**
     * Host names (a leading dot means "any host under"), matched against the recipient's domain,
     * the remote MTA and, last, the reporting MTA.
     */
    List<String> hosts();

    /** The provider's reason for this failure, if its table names one. */
    Optional<Reason> reason(Failure f);

    /** What a provider table looks at; text fields are never null. */
    record Failure(String diagnostic, String status, Optional<Integer> replyCode, String command) {

        /** The diagnostic in lower case, as the tables are written. */
        public String lower() {
            return diagnostic.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
