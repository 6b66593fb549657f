package org.maildoctor.warmup.adapter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that connect to the address our resolver chose whatever host name the mail
 * library asks for, while TLS still uses the host name for SNI and certificate checks.
 */
final class PinnedSocketFactory extends SSLSocketFactory {
    private final InetAddress address;
    private final SSLSocketFactory tls;

    PinnedSocketFactory(InetAddress address, SSLSocketFactory tls) {
        this.address = address;
        this.tls = tls;
    }

    /** The plain (no TLS yet) factory, for SMTP/IMAP before STARTTLS or without TLS. */
    SocketFactory plain() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new PinnedSocket(address);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return new Socket(address, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return new Socket(address, port, localHost, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return new Socket(address, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return new Socket(address, port, localAddress, localPort);
            }
        };
    }

    @Override
    public Socket createSocket() {
        // unconnected and plain: the library connects it (to our address) and then layers TLS on it
        return new PinnedSocket(address);
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tls.createSocket(new Socket(address, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tls.createSocket(new Socket(address, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tls.createSocket(new Socket(address, port), address.getHostAddress(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return tls.createSocket(new Socket(address, port, localAddress, localPort), address.getHostAddress(), port, true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    /** An unconnected socket whose connect() goes to the pinned address. */
    private static final class PinnedSocket extends Socket {
        private final InetAddress address;

        PinnedSocket(InetAddress address) {
            this.address = address;
        }

        @Override
        public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
            int port = ((java.net.InetSocketAddress) endpoint).getPort();
            super.connect(new java.net.InetSocketAddress(address, port), timeout);
        }
    }
}
