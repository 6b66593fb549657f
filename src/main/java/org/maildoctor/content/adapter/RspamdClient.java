package org.maildoctor.content.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.content.SecondOpinion;

/**
 * Asks rspamd's normal worker over its HTTP API: {@code POST /checkv2} with the raw message as the
 * body and the SMTP envelope, when known, in the {@code IP}, {@code Helo}, {@code From} and
 * {@code Rcpt} request headers; the JSON answer carries {@code score}, {@code required_score},
 * {@code action} and {@code symbols}. The URL is the operator's own ({@code --rspamd}).
 */
public final class RspamdClient implements SecondOpinion.Engine {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough for any message the receiver accepts; rspamd's own default limit is 50 MB. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;

    private final URI endpoint;
    private final Duration timeout;
    private final Map<String, String> envelope;
    private final HttpClient http;

    /** @param base the worker's URL, e.g. {@code http://127.0.0.1:11333}; {@code /checkv2} is added unless present */
    public RspamdClient(String base, Duration timeout) {
        this(endpoint(base), timeout, Map.of());
    }

    private RspamdClient(URI endpoint, Duration timeout, Map<String, String> envelope) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.envelope = envelope;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same client telling rspamd the SMTP envelope (IP, Helo, From, Rcpt headers), which its SPF and HELO rules use. */
    public RspamdClient withEnvelope(Map<String, String> headers) {
        return new RspamdClient(endpoint, timeout, Map.copyOf(headers));
    }

    /** A clear {@link IllegalArgumentException} for anything but an http(s) URL. */
    public static URI endpoint(String base) {
        URI u;
        try {
            u = URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rspamd: not a URL: '" + base + "'");
        }
        if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
            throw new IllegalArgumentException("--rspamd: expected http://HOST:PORT, got '" + base + "'");
        }
        String path = u.getPath() == null ? "" : u.getPath();
        return path.endsWith("/checkv2") ? u : u.resolve((path.endsWith("/") ? path : path + "/") + "checkv2");
    }

    @Override
    public SecondOpinion check(byte[] message) {
        String server = endpoint.toString();
        if (message.length > MAX_BYTES) {
            return SecondOpinion.unavailable("rspamd", server, "the message is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(message));
        envelope.forEach(req::header);
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return SecondOpinion.unavailable("rspamd", server, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SecondOpinion.unavailable("rspamd", server, "cannot reach rspamd: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SecondOpinion.unavailable("rspamd", server, "interrupted");
        }
        if (res.statusCode() != 200) {
            String body = res.body() == null ? "" : res.body().strip();
            return SecondOpinion.unavailable("rspamd", server, "HTTP " + res.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
        try {
            return SecondOpinion.of("rspamd", server, parse(res.body()));
        } catch (IllegalArgumentException e) {
            return SecondOpinion.unavailable("rspamd", server, e.getMessage());
        }
    }

    /** The /checkv2 JSON; a clear {@link IllegalArgumentException} when it is not one. */
    static SecondOpinion.Verdict parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("rspamd's answer is not JSON");
        }
        if (root == null || !root.path("score").isNumber() || !root.path("required_score").isNumber()) {
            throw new IllegalArgumentException("rspamd's answer has no score/required_score");
        }
        double score = root.get("score").asDouble();
        double required = root.get("required_score").asDouble();
        String action = root.path("action").asText("");
        List<SecondOpinion.Rule> rules = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("symbols").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            rules.add(new SecondOpinion.Rule(e.getKey(), s.path("score").asDouble(0), s.path("description").asText("")));
        }
        rules.sort(Comparator.comparingDouble(SecondOpinion.Rule::score).reversed());
        // rspamd answers an HTTP/2 upgrade request with an empty scan, hence HTTP/1.1 above
        // rspamd's actions above "no action"/"greylist" are the ones a receiver files as spam or refuses
        boolean spam = action.equals("reject") || action.equals("add header") || action.equals("rewrite subject")
                || score >= required;
        return new SecondOpinion.Verdict(score, required, spam, action.isEmpty() ? Optional.empty() : Optional.of(action),
                rules);
    }
}
