package org.maildoctor.web;

/**
 * Thrown by handlers to answer with an error: API routes get {@link Problem} JSON, pages get an
 * HTML error page. The detail is shown to the client, so it must not contain secrets.
 */
public class ProblemException extends RuntimeException {
    private final int status;

    public ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }
}
