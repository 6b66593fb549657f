package org.maildoctor.verify;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Decorator that records every connection the verifier opens (host name and address). */
final class CountingTransport implements ProbeTransport {
    private final ProbeTransport delegate;
    final List<String> opened = new CopyOnWriteArrayList<>();

    CountingTransport(ProbeTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Opened open(String host, InetAddress address) {
        opened.add(host + "/" + address.getHostAddress());
        return delegate.open(host, address);
    }
}
