package org.maildoctor.web;

/** The configured port could not be bound, almost always because another process holds it. */
public final class PortInUseException extends RuntimeException {
    private final String bindAddress;
    private final int port;

    public PortInUseException(String bindAddress, int port, Throwable cause) {
        super("port " + port + " on " + bindAddress + " is already in use", cause);
        this.bindAddress = bindAddress;
        this.port = port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }
}
