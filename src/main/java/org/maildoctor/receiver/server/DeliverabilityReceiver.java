package org.maildoctor.receiver.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.maildoctor.receiver.score.Envelope;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.report.ScoreCardJson;
import org.maildoctor.store.IssuedToken;
import org.maildoctor.store.ReceivedMessage;
import org.maildoctor.store.ReceivedMessageRepository;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The deliverability-test SMTP receiver. Accepts mail only for issued, unexpired test addresses
 * (550 5.1.1 for anything else, so it never relays), writes each message to an fsynced file and to
 * the store before answering 250, then analyses it on a small pool and stores the report.
 *
 * <pre>{@code
 * try (DeliverabilityReceiver r = DeliverabilityReceiver.start(config, store, analyzer, Clock.systemUTC())) { ... }
 * }</pre>
 */
public final class DeliverabilityReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverabilityReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ReceiverConfig config;
    private final Store store;
    private final MessageAnalyzer analyzer;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final ExecutorService analysis;
    private final Batcher<Arrival> arrivals;
    private final Batcher<Pending> reports;
    private final SMTPServer server;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong();
    /** Milliseconds from the end of DATA to the stored report, for the load test's percentiles. */
    private final ConcurrentLinkedQueue<Long> reportLatencies = new ConcurrentLinkedQueue<>();

    private DeliverabilityReceiver(ReceiverConfig config, Store store, MessageAnalyzer analyzer, Clock clock) {
        this.config = config;
        this.store = store;
        this.analyzer = analyzer;
        this.clock = clock;
        this.rateLimiter = new RateLimiter(config.perIpConnectionsPerMinute(), clock);
        this.analysis = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "receiver-analysis");
                    t.setDaemon(true);
                    return t;
                });
        this.arrivals = new Batcher<>("receiver-store", this::storeArrivals);
        this.reports = new Batcher<>("receiver-reports", this::storeReports);
        SMTPServer.Builder b = new SMTPServer.Builder()
                .bindAddress(config.bind())
                .port(config.port())
                .hostName(config.hostName())
                .softwareName("maildoctor deliverability test")
                .maxConnections(config.maxConnections())
                // the library's default accept backlog is 50: a burst of more clients than that while the
                // acceptor thread waits for a core left the surplus handshakes dropped by the kernel, and
                // those clients waited for a greeting that never came (seen in CI at load: 56 of 200)
                .backlog(Math.max(50, config.maxConnections()))
                .maxRecipients(config.maxRecipients())
                .maxMessageSize(config.maxMessageBytes())
                .connectionTimeout((int) config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .insertReceivedHeaders(false)
                .sessionHandler(new PerIpLimit())
                .messageHandlerFactory(Handler::new);
        config.tls().ifPresent(ctx -> b.enableTLS().startTlsSocketFactory(ctx));
        this.server = b.build();
    }

    /** Starts listening; files left in the spool by a crash are stored and analysed first. */
    public static DeliverabilityReceiver start(ReceiverConfig config, Store store, MessageAnalyzer analyzer,
                                               Clock clock) throws IOException {
        Files.createDirectories(config.spoolDir());
        DeliverabilityReceiver r = new DeliverabilityReceiver(config, store, analyzer, clock);
        r.recover();
        r.server.start();
        LOG.info("deliverability receiver listening on {}:{}", config.bind().getHostAddress(), r.port());
        return r;
    }

    public int port() {
        return server.getPortAllocated();
    }

    public long acceptedCount() {
        return accepted.get();
    }

    public long analysedCount() {
        return analysed.get();
    }

    public List<Long> reportLatenciesMillis() {
        return List.copyOf(reportLatencies);
    }

    @Override
    public void close() {
        server.stop();
        analysis.shutdown();
        try {
            if (!analysis.awaitTermination(30, TimeUnit.SECONDS)) {
                analysis.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        arrivals.close();
        reports.close();
    }

    /** The per-IP connection rate limit (the total cap is SubEthaSMTP's maxConnections). */
    private final class PerIpLimit implements SessionHandler {
        @Override
        public SessionAcceptance accept(Session session) {
            InetSocketAddress remote = session.getRemoteAddress();
            String ip = remote == null ? "?" : remote.getAddress().getHostAddress();
            return rateLimiter.allow(ip) ? SessionAcceptance.success()
                    : SessionAcceptance.failure(421, "4.7.0 Too many connections from your address, try again later");
        }

        @Override
        public void onSessionEnd(Session session) {
        }
    }

    /** One mail transaction. */
    private final class Handler implements MessageHandler {
        private final MessageContext ctx;
        private String mailFrom = "";
        private final List<String> recipients = new ArrayList<>();
        private IssuedToken token;

        Handler(MessageContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void from(String from) {
            this.mailFrom = from == null ? "" : from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            Optional<IssuedToken> t;
            try {
                t = TestAddresses.accepted(store.tokens(), recipient, clock.instant());
            } catch (StoreException e) {
                LOG.warn("token lookup failed: {}", e.getMessage());
                throw new RejectException(451, "4.3.0 Temporary failure, try again later");
            }
            if (t.isEmpty()) {
                // never say why (unknown, expired, other domain): no configuration leaks to the peer
                throw new RejectException(550, "5.1.1 <" + printable(recipient) + ">: Recipient address rejected: "
                        + "not a valid test address");
            }
            if (token == null) {
                token = t.get();
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream in) throws RejectException, IOException {
            byte[] raw = readLimited(in);
            long dataEnd = System.nanoTime();
            InetAddress client = ((InetSocketAddress) ctx.getRemoteAddress()).getAddress();
            String helo = ctx.getHelo().orElse("");
            boolean tls = ctx instanceof Session s && s.isTLSStarted();
            Instant now = clock.instant();
            long id;
            try {
                Path file = writeDurably(raw, now, client, helo, tls);
                id = committed(ReceivedMessage.incoming(token.token(), now, client.getHostAddress(), helo,
                        mailFrom, recipients, tls, raw.length, file.toString()), raw);
            } catch (IOException | StoreException e) {
                LOG.error("could not store a message for {}: {}", token.token(), e.getMessage());
                throw new RejectException(451, "4.3.0 Temporary failure storing the message, try again later");
            }
            accepted.incrementAndGet();
            analyse(id, raw, new Envelope(client, helo, mailFrom, recipients, tls), dataEnd);
            return "2.0.0 Ok: queued as " + id;
        }

        private byte[] readLimited(InputStream in) throws IOException, RejectException {
            int limit = config.maxMessageBytes();
            byte[] raw = in.readNBytes(limit + 1);
            if (raw.length > limit) {
                // drain up to the terminating dot, so the 552 is the answer to DATA, not to garbage
                in.transferTo(java.io.OutputStream.nullOutputStream());
                throw new RejectException(552, "5.3.4 Message size exceeds fixed limit");
            }
            return raw;
        }

        private Path writeDurably(byte[] raw, Instant now, InetAddress client, String helo, boolean tls)
                throws IOException {
            Path dir = config.spoolDir().resolve(token.token());
            Files.createDirectories(dir);
            String base = now.toEpochMilli() + "-" + UUID.randomUUID();
            Path file = dir.resolve(base + ".eml");
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("token", token.token());
            env.put("receivedAt", now.toString());
            env.put("clientIp", client.getHostAddress());
            env.put("helo", helo);
            env.put("mailFrom", mailFrom);
            env.put("recipients", recipients);
            env.put("tls", tls);
            // the envelope first: a message file without one would not be recoverable
            fsyncWrite(dir.resolve(base + ".env.json"), JSON.writeValueAsBytes(env));
            fsyncWrite(file, raw);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true); // the directory entries too, or a crash can lose the new names
            } catch (IOException e) {
                LOG.debug("directory fsync not supported here: {}", e.getMessage());
            }
            return file;
        }

        @Override
        public void done() {
        }
    }

    private static void fsyncWrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private void analyse(long id, byte[] raw, Envelope env, long dataEndNanos) {
        if (analyzer == null) {
            return;
        }
        analysis.execute(() -> {
            try {
                var card = analyzer.analyze(raw, env).get(120, TimeUnit.SECONDS);
                reports.add(new Pending(new ReceivedMessageRepository.Report(id, card.score(),
                        JSON.writeValueAsString(ScoreCardJson.toMap(card))), dataEndNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.error("analysis of message {} failed", id, e);
            }
        });
    }

    private record Pending(ReceivedMessageRepository.Report report, long dataEndNanos) {
    }

    private record Arrival(ReceivedMessageRepository.Incoming message, CompletableFuture<Long> id) {
    }

    /** Stores the message in the next group commit and returns its id once that commit is done. */
    private long committed(ReceivedMessage m, byte[] raw) throws IOException {
        Arrival a = new Arrival(new ReceivedMessageRepository.Incoming(m, raw), new CompletableFuture<>());
        arrivals.add(a);
        try {
            return a.id().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the store did not commit within 60 s", e);
        }
    }

    private void storeArrivals(List<Arrival> batch) {
        allOrEach(batch, b -> {
            List<Long> ids = store.received().saveAll(b.stream().map(Arrival::message).toList());
            for (int i = 0; i < b.size(); i++) {
                b.get(i).id().complete(ids.get(i));
            }
        }, (a, e) -> a.id().completeExceptionally(e));
    }

    private void storeReports(List<Pending> batch) {
        List<Pending> stored = new ArrayList<>(batch.size());
        allOrEach(batch, b -> {
            store.received().saveReports(b.stream().map(Pending::report).toList());
            stored.addAll(b);
        }, (p, e) -> LOG.error("could not store the report of message {}: {}", p.report().id(), e.getMessage()));
        long now = System.nanoTime();
        for (Pending p : stored) {
            reportLatencies.add((now - p.dataEndNanos()) / 1_000_000);
        }
        analysed.addAndGet(stored.size());
    }

    /**
     * Writes the batch in one transaction; when that fails, each item alone, so one bad row costs no
     * other message its commit. {@code failed} settles an item that could not be written.
     */
    private static <T> void allOrEach(List<T> batch, java.util.function.Consumer<List<T>> write,
                                      java.util.function.BiConsumer<T, RuntimeException> failed) {
        try {
            write.accept(batch);
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                failed.accept(batch.getFirst(), e);
                return;
            }
            LOG.warn("writing {} rows at once failed ({}); writing them one by one", batch.size(), e.getMessage());
        }
        for (T item : batch) {
            try {
                write.accept(List.of(item));
            } catch (RuntimeException e) {
                failed.accept(item, e);
            }
        }
    }

    /** Stores and analyses spooled files that have no row (a crash between the file and the insert). */
    void recover() throws IOException {
        if (!Files.isDirectory(config.spoolDir())) {
            return;
        }
        List<Path> envs;
        try (Stream<Path> s = Files.walk(config.spoolDir(), 2)) {
            envs = s.filter(p -> p.getFileName().toString().endsWith(".env.json")).sorted().toList();
        }
        for (Path envFile : envs) {
            Path eml = envFile.resolveSibling(envFile.getFileName().toString().replace(".env.json", ".eml"));
            if (!Files.exists(eml) || store.received().existsForPath(eml.toString())) {
                continue;
            }
            try {
                var node = JSON.readTree(envFile.toFile());
                byte[] raw = Files.readAllBytes(eml);
                List<String> rcpts = new ArrayList<>();
                node.get("recipients").forEach(n -> rcpts.add(n.asText()));
                InetAddress client = org.maildoctor.dns.DnsNames.parseIpLiteral(node.get("clientIp").asText()).orElseThrow();
                long id = store.received().save(ReceivedMessage.incoming(node.get("token").asText(),
                        Instant.parse(node.get("receivedAt").asText()), client.getHostAddress(),
                        node.get("helo").asText(), node.get("mailFrom").asText(), rcpts, node.get("tls").asBoolean(),
                        raw.length, eml.toString()), raw);
                LOG.info("recovered spooled message {} as {}", eml, id);
                analyse(id, raw, new Envelope(client, node.get("helo").asText(), node.get("mailFrom").asText(), rcpts,
                        node.get("tls").asBoolean()), System.nanoTime());
            } catch (Exception e) {
                LOG.warn("could not recover {}: {}", eml, e.getMessage());
            }
        }
    }

    static String printable(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) : s;
        return new String(t.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII).replaceAll("[^\\x21-\\x7e]", "?");
    }
}
