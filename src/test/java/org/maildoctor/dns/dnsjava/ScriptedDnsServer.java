package org.maildoctor.dns.dnsjava;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * A UDP DNS server on 127.0.0.1 whose replies a test scripts: the function gets the query and
 * returns the reply (already carrying the query's id and question), or null to stay silent.
 */
final class ScriptedDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    final List<Message> queries = new CopyOnWriteArrayList<>();

    ScriptedDnsServer(Function<Message, Message> script) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(() -> serve(script), "scripted-dns");
        thread.setDaemon(true);
        thread.start();
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
    public void close() {
        socket.close();
    }
}
