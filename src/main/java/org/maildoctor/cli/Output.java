package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;

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

    private final PrintWriter out;
    private final PrintWriter err;

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
