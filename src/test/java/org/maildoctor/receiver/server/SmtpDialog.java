package org.maildoctor.receiver.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal SMTP client for tests: sends commands and returns the (last line of the) reply. */
public final class SmtpDialog implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final String greeting;

    public SmtpDialog(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(300_000); // RFC 5321 4.5.3.2: clients wait up to 10 min for the reply to DATA
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        greeting = reply();
    }

    String reply() throws IOException {
        String line;
        StringBuilder all = new StringBuilder();
        do {
            line = in.readLine();
            if (line == null) {
                return all.isEmpty() ? "EOF" : all.toString();
            }
            all.setLength(0);
            all.append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return all.toString();
    }

    String cmd(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** DATA, the message (dot-stuffed, CRLF), the final dot; returns the reply to the dot. */
    String data(byte[] message) throws IOException {
        String r = cmd("DATA");
        if (!r.startsWith("354")) {
            return r;
        }
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\r\n", -1)) {
            sb.append(l.startsWith(".") ? "." + l : l).append("\r\n");
        }
        if (text.endsWith("\r\n")) {
            sb.setLength(sb.length() - 2);
        }
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(".\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** A full transaction: EHLO, MAIL, RCPT, DATA, QUIT; returns the reply to the end of data (or the first failure). */
    public static String send(int port, String helo, String from, String to, byte[] message) throws IOException {
        try (SmtpDialog d = new SmtpDialog(port)) {
            d.cmd("EHLO " + helo);
            String r = d.cmd("MAIL FROM:<" + from + ">");
            if (!r.startsWith("250")) {
                return r;
            }
            r = d.cmd("RCPT TO:<" + to + ">");
            if (!r.startsWith("250")) {
                return r;
            }
            r = d.data(message);
            d.cmd("QUIT");
            return r;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
