package org.maildoctor.transport;

import java.util.Optional;

/**
 * What an HTTPS GET gave: a response (any status; redirects are never followed) or a failure whose
 * kind separates "the certificate is bad" from "nobody answered".
 */
public sealed interface HttpsOutcome {

    /**
     * @param truncated the body was longer than the target's {@code maxBytes}; {@code body} holds the first bytes
     */
    record Response(int status, Optional<String> contentType, Optional<String> location, byte[] body,
                    boolean truncated) implements HttpsOutcome {
        public Response {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The media type without parameters, lower case ({@code text/plain}), or empty. */
        public Optional<String> mediaType() {
            return contentType.map(t -> t.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record Failure(FailureKind kind, String detail) implements HttpsOutcome {
    }

    enum FailureKind {
        /** Connection refused, no route, reset. */
        UNREACHABLE,
        /** No connection, handshake or response within the timeout. */
        TIMEOUT,
        /** The TLS handshake failed: untrusted chain, expired certificate, name mismatch, protocol. */
        TLS,
        /** The server answered something that is not HTTP. */
        PROTOCOL
    }
}
