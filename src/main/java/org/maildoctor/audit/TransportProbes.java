package org.maildoctor.audit;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.maildoctor.transport.HttpsGet;
import org.maildoctor.transport.starttls.StarttlsProbe;

/**
 * The I/O the transport-security sections need beyond DNS, built by the composition root: HTTPS for
 * MTA-STS policies and BIMI files, and the STARTTLS probe when the user asked for it ({@code --smtp}).
 * {@code httpsPort} and {@code smtpPort} are 443 and 25 except in tests against the loopback harness.
 */
public record TransportProbes(HttpsGet https, int httpsPort, Optional<StarttlsProbe> starttls, int smtpPort,
                              Clock clock) {
    public TransportProbes {
        Objects.requireNonNull(https);
        Objects.requireNonNull(starttls);
        Objects.requireNonNull(clock);
    }
}
