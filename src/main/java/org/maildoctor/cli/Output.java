package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Where a command writes: results to {@code out} (text or one JSON document), diagnostics to {@code err}. */
public final class Output {
    /** The JSON mapper of every command's {@code --json}. */
    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    /**
     * A holder, so that a command gets its writers without setting up Jackson (about a tenth of a second of
     * a cold start): a command that writes JSON may set it up on another thread meanwhile ({@link #prepareJson}).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Sets up the JSON mapper on a daemon thread; the first use waits for it if it is not ready yet. */
    static void prepareJson() {
        Thread t = new Thread(Output::json, "json-setup");
        t.setDaemon(true);
        t.start();
    }

    /** This process's stdout or stderr, which {@link #apart} can tell apart by their file descriptors. */
    static final class ProcessStream extends PrintWriter {
        private final PrintStream stream;
        private final int fd;

        ProcessStream(PrintStream stream, int fd) {
            super(stream, true);
            this.stream = stream;
            this.fd = fd;
        }
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private Boolean apart;

    public Output(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /**
     * The byte stream under {@link #out()} when that is this process's stdout and writes UTF-8, for a writer that
     * makes the UTF-8 bytes itself (JSON lines); null otherwise. Whoever writes to it flushes {@link #out()} first
     * and flushes its own bytes before anything else is written to {@link #out()}.
     */
    public java.io.OutputStream utf8Stdout() {
        return out instanceof ProcessStream p && p.stream.charset().equals(java.nio.charset.StandardCharsets.UTF_8)
                ? p.stream : null;
    }

    /**
     * Whether results and diagnostics go to different files, so that the order of one against the other cannot be
     * seen. False, keep their order, unless both writers are this process's stdout and stderr and those lead to
     * different files: a terminal is one file for both, and so is {@code 2>&1}.
     */
    public boolean apart() {
        if (apart == null) {
            apart = out instanceof ProcessStream o && err instanceof ProcessStream e
                    && !sameFile(Path.of("/proc/self/fd/" + o.fd), Path.of("/proc/self/fd/" + e.fd));
        }
        return apart;
    }

    /** Whether two paths lead to the same file (links followed); true when that cannot be told. */
    static boolean sameFile(Path a, Path b) {
        try {
            Object ka = Files.readAttributes(a, BasicFileAttributes.class).fileKey();
            Object kb = Files.readAttributes(b, BasicFileAttributes.class).fileKey();
            return ka == null || ka.equals(kb);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    public void json(Object value) {
        try {
            out.println(json().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw CliException.runtime("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }
}
