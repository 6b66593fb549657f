package org.maildoctor.transport;

import java.util.concurrent.CompletableFuture;

/**
 * The HTTPS port: one GET with certificate validation against the configured trust anchors, no
 * redirects followed, bounded body and time. The future never completes exceptionally for network
 * reasons; those are {@link HttpsOutcome.Failure}s.
 */
public interface HttpsGet {
    CompletableFuture<HttpsOutcome> get(HttpsTarget target);
}
