package org.maildoctor.warmup.adapter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that connect to the address our resolver chose, whatever host the mail library
 * asks for, while TLS uses the server's host name for SNI and certificate checks.
 *
 * <p>Callers hand Angus Mail the address literal ({@link MailConnector#connectHost}) rather than the
 * name: for implicit TLS Angus opens its own {@code new Socket()} and connects it by the host string
 * (it calls our factory only to layer TLS on it), so a name would be resolved by the system resolver,
 * outside our DNS layer and its private-address rule. The host name check is therefore done here, by
 * the JDK during the handshake (endpoint identification against {@code hostName}), not by Angus's
 * {@code checkserveridentity}, which would compare the certificate with the literal.
 */
final class PinnedSocketFactory extends SSLSocketFactory {
    private final InetAddress address;
    private final String hostName;
    private final SSLSocketFactory tls;

    PinnedSocketFactory(InetAddress address, String hostName, SSLSocketFactory tls) {
        this.address = address;
        this.hostName = hostName;
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

    /** TLS over a connected socket, verified against the server's name (RFC 6125 rules as HTTPS applies them). */
    private Socket secure(Socket plain, int port, boolean autoClose) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, hostName, port, autoClose);
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!hostName.isEmpty() && Character.isLetter(hostName.charAt(hostName.length() - 1))) {
            params.setServerNames(java.util.List.of(new SNIHostName(hostName)));
        }
        socket.setSSLParameters(params);
        return socket;
    }

    @Override
    public Socket createSocket() {
        // unconnected and plain: the library connects it (to our address) and then layers TLS on it
        return new PinnedSocket(address);
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return secure(s, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return secure(new Socket(address, port), port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return secure(new Socket(address, port, localHost, localPort), port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return secure(new Socket(address, port), port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return secure(new Socket(address, port, localAddress, localPort), port, true);
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
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            int port = ((InetSocketAddress) endpoint).getPort();
            super.connect(new InetSocketAddress(address, port), timeout);
        }
    }
}
