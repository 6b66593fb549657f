package org.maildoctor.warmup.account;

import java.util.List;
import java.util.Optional;

/** What a connection test of one account found, per server: each step passed, or the one that failed and why. */
public record ConnectionReport(String address, ServerCheck smtp, ServerCheck imap) {

    public boolean ok() {
        return smtp.failure().isEmpty() && imap.failure().isEmpty();
    }

    /** One server's steps. {@code passed} in order; {@code failure} the step that stopped the test, if any. */
    public record ServerCheck(String protocol, Endpoint endpoint, List<ConnectionStep> passed,
                              Optional<Failure> failure, List<String> folders) {
        public ServerCheck {
            passed = List.copyOf(passed);
            folders = List.copyOf(folders);
        }
    }

    /** The failed step and a one-line reason that never contains the secret. */
    public record Failure(ConnectionStep step, String reason) {
    }
}
