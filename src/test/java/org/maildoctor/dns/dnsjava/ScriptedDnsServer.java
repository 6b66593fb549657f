package org.maildoctor.dns.dnsjava;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * A DNS server on 127.0.0.1 whose replies a test scripts: the function gets the query and returns
 * the reply (start from {@link #reply}), or null to stay silent. UDP always; TCP on the same port
 * when built with {@link #withTcp}, where the script sees {@code tcp == true}.
 */
final class ScriptedDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private ServerSocket tcp;
    final List<Message> queries = new CopyOnWriteArrayList<>();
    final List<Message> tcpQueries = new CopyOnWriteArrayList<>();

    ScriptedDnsServer(Function<Message, Message> script) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(() -> serve(script), "scripted-dns");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedDnsServer withTcp(BiFunction<Message, Boolean, Message> script) throws IOException {
        ScriptedDnsServer server = new ScriptedDnsServer(q -> script.apply(q, false));
        server.tcp = new ServerSocket();
        server.tcp.bind(server.address());
        Thread thread = new Thread(() -> server.serveTcp(script), "scripted-dns-tcp");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private void serveTcp(BiFunction<Message, Boolean, Message> script) {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                s.setSoTimeout(5000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                Message q = new Message(query);
                tcpQueries.add(q);
                Message r = script.apply(q, true);
                if (r != null) {
                    byte[] out = r.toWire();
                    DataOutputStream o = new DataOutputStream(s.getOutputStream());
                    o.writeShort(out.length);
                    o.write(out);
                    o.flush();
                }
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    /** A reply to {@code query} with the given rcode and nothing in it yet. */
    static Message reply(Message query, int rcode) {
        Message r = new Message(query.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        r.getHeader().setRcode(rcode);
        r.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
        return r;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve(Function<Message, Message> script) {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                queries.add(q);
                Message r = script.apply(q);
                if (r != null) {
                    byte[] out = r.toWire();
                    socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a malformed query: ignore it, as a server would
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (tcp != null) {
            tcp.close();
        }
    }
}
