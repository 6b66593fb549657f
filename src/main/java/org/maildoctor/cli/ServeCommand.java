package org.maildoctor.cli;

import org.maildoctor.receiver.server.DeliverabilityReceiver;
import org.maildoctor.web.DeliverabilityModule;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.Audits;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.dns.Resolver;
import org.maildoctor.verify.Verifier;
import org.maildoctor.verify.VerifyOptions;
import org.maildoctor.verify.adapter.SmtpProbeClient;
import org.maildoctor.verify.adapter.SmtpProbeConfig;
import org.maildoctor.verify.jdbc.JdbcVerificationJobs;
import org.maildoctor.web.AuditModule;
import org.maildoctor.web.BlocklistsModule;
import org.maildoctor.web.VerifyModule;
import org.maildoctor.web.GenerateModule;
import org.maildoctor.web.WarmupModule;
import org.maildoctor.web.PlacementModule;
import org.maildoctor.web.Capability;
import org.maildoctor.web.WebModule;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.StoreException;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;
import org.maildoctor.web.HealthStatus;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.maildoctor.web.InsecureBindException;
import org.maildoctor.web.PortInUseException;
import org.maildoctor.web.WebConfig;
import org.maildoctor.web.WebModules;
import org.maildoctor.web.WebServer;
import org.maildoctor.web.WebStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code maildoctor serve}: runs the web interface and REST API until SIGTERM or Ctrl-C. Every
 * option can also come from {@code MAILDOCTOR_<OPTION>} or {@code maildoctor.yml}
 * (see {@link ConfigDefaultProvider}).
 */
@Command(name = "serve", description = "Start the web interface and REST API.")
public final class ServeCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    BlocklistOptions blocklistOptions;

    @Mixin
    SecondOpinionOptions secondOpinion;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8025",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any non-loopback address "
                    + "requires --admin-password or --api-token.")
    String bind;

    @Option(names = "--admin-password", paramLabel = "PASSWORD",
            description = "Password for the web login; prefer MAILDOCTOR_ADMIN_PASSWORD over the flag "
                    + "(flags show up in the process list).")
    String adminPassword;

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Token for 'Authorization: Bearer' on /api and /metrics; prefer MAILDOCTOR_API_TOKEN.")
    String apiToken;

    @Option(names = "--smtp-port", paramLabel = "N", defaultValue = "2525",
            description = "Port of the deliverability-test SMTP receiver (default: ${DEFAULT-VALUE}; 0: any free port).")
    int smtpPort;

    @Option(names = "--smtp-bind", paramLabel = "ADDR",
            description = "Address the SMTP receiver listens on (default: the --bind address).")
    String smtpBind;

    @Option(names = "--no-receiver", description = "Do not start the SMTP receiver.")
    boolean noReceiver;

    @Option(names = "--no-warmup", description = "Do not run the warm-up engine (by default it enrols every "
            + "warm-up mailbox with the default ramp, as `warmup run` does; with no mailboxes it does nothing).")
    boolean noWarmup;

    @Option(names = "--test-domain", paramLabel = "DOMAIN", defaultValue = "localhost",
            description = "Domain of the test addresses; its MX must point at this host (default: ${DEFAULT-VALUE}).")
    String testDomain;

    @Option(names = "--smtp-max-size", paramLabel = "BYTES", defaultValue = "26214400",
            description = "Largest message the receiver accepts; larger get 552 5.3.4 (default: ${DEFAULT-VALUE}).")
    int smtpMaxSize;

    @Option(names = "--smtp-tls-keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore with the STARTTLS certificate (default: a self-signed one generated "
                    + "in the data directory).")
    java.nio.file.Path smtpTlsKeystore;

    @Option(names = "--smtp-tls-password", paramLabel = "PASSWORD",
            description = "Password of --smtp-tls-keystore; prefer MAILDOCTOR_SMTP_TLS_PASSWORD.")
    String smtpTlsPassword;

    /** Released by the shutdown hook; tests may call {@link #stop()} instead of signalling the JVM. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Released once the scheduler and the store are closed. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    protected int run() {
        if (port < 1 || port > 65535) {
            throw CliException.usage("--port must be 1-65535, got " + port);
        }
        WebConfig config = new WebConfig(bind, port, Optional.ofNullable(adminPassword),
                Optional.ofNullable(apiToken), VersionProvider.version());

        if (smtpPort < 0 || smtpPort > 65535) {
            throw CliException.usage("--smtp-port must be 0-65535, got " + smtpPort);
        }
        Store store = openStore();
        JobScheduler scheduler = null;
        DeliverabilityReceiver receiver = null;
        try {
            Resolver resolver = Wiring.resolver(global); // one resolver for every module
            BlocklistChecker blocklists = BlocklistWiring.checker(global, blocklistOptions, resolver);
            Verifier verifier = Verifier.create(resolver, new SmtpProbeClient(SmtpProbeConfig.defaults(global.timeout)),
                    VerifyOptions.defaults().withAllowPrivate(global.allowPrivate));
            WebServer server = build(config, store, WebModules.with(Map.of(
                    Capability.AUDIT, new AuditModule(Audits.standard(resolver,
                            global.allowPrivate ? AddressPolicy.ALLOW_PRIVATE : AddressPolicy.PUBLIC_ONLY,
                            Wiring.transportProbes(global, null, 443, false, 25), blocklists)),
                    Capability.BLOCKLISTS, new BlocklistsModule(blocklists),
                    Capability.VERIFY, new VerifyModule(verifier,
                            new JdbcVerificationJobs(store.dataSource(), store.clock()),
                            global.dataDirOrDefault().resolve("verify-uploads")),
                    Capability.GENERATE, new GenerateModule(resolver, Clock.systemUTC()),
                    Capability.WARMUP, new WarmupModule(Clock.systemUTC(),
                            Optional.of(WarmupAccountCommands.backend(store, global))),
                    Capability.DELIVERABILITY, new DeliverabilityModule(store, testDomain,
                            secondOpinion.engines(global.timeout, Map.of())),
                    Capability.PLACEMENT, new PlacementModule(PlacementCommand.tests(global, store), Optional.empty()))));
            JobSchedulerConfig jobs = JobSchedulerConfig.defaults();
            scheduler = JobScheduler.start(store, Clock.systemUTC(), jobs, noWarmup ? List.of()
                    : WarmupEngineWiring.tasks(global, store, Clock.systemUTC(), jobs.nodeName()));
            if (!noReceiver) {
                receiver = ReceiverWiring.start(this, global, store, resolver, blocklists);
            }
            start(server);
            if (receiver != null) {
                // after the web server started, so a start-up failure stays the only line on stderr
                output().err().println("deliverability receiver (SMTP) on " + (smtpBind == null ? bind : smtpBind)
                        + ":" + receiver.port() + ", test addresses @" + testDomain);
            }
            LOG.info("store: {}; scheduler node {}", store.describe(), scheduler.nodeName());
            return serveUntilStopped(server, config);
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            // the scheduler uses the store's connections: stop it first
            if (scheduler != null) {
                scheduler.close();
            }
            store.close();
            closed.countDown();
        }
    }

    private Store openStore() {
        try {
            return Store.open(StoreConfig.of(global.dataDirOrDefault(), global.db));
        } catch (StoreException e) {
            throw CliException.runtime(e.getMessage(), e);
        }
    }

    private static WebServer build(WebConfig config, Store store, List<WebModule> modules) {
        // /healthz is unauthenticated: say which kind of database, not where it is
        String kind = store.describe().startsWith("H2") ? "embedded H2" : "PostgreSQL";
        try {
            return WebServer.builder(config)
                    .modules(modules)
                    .healthCheck("store", () -> {
                        try {
                            store.ping();
                            return HealthStatus.ok(kind);
                        } catch (StoreException e) {
                            return HealthStatus.down(kind + " unavailable");
                        }
                    })
                    .build();
        } catch (InsecureBindException e) {
            throw CliException.usage("refusing to serve on " + e.bindAddress() + " without authentication: set "
                    + "--admin-password or --api-token (MAILDOCTOR_ADMIN_PASSWORD / MAILDOCTOR_API_TOKEN), "
                    + "or use --bind 127.0.0.1");
        }
    }

    private static void start(WebServer server) {
        try {
            server.start();
        } catch (PortInUseException e) {
            throw CliException.runtime("port " + e.port() + " on " + e.bindAddress()
                    + " is already in use; choose another with --port N (or MAILDOCTOR_PORT)", e);
        } catch (WebStartException e) {
            throw CliException.runtime(e.getMessage(), e);
        }
    }

    private int serveUntilStopped(WebServer server, WebConfig config) {
        Thread hook = new Thread(() -> {
            LOG.info("shutting down");
            server.stop();
            stopped.countDown();
            // the JVM halts when hooks return: give the serving thread time to stop the scheduler and
            // close the database cleanly
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "maildoctor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        output().err().println("maildoctor serving on " + server.url()
                + (config.authEnabled() ? " (authentication required)" : ""));
        output().err().flush();
        boolean interrupted = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // an embedding thread asked us to stop: same as a signal
            interrupted = true;
        }
        removeHook(hook);
        server.stop(); // with the interrupt flag clear, or Jetty's graceful stop is cut short
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** Stops a running {@code serve} as SIGTERM would (for tests that run it in-process). */
    public void stop() {
        stopped.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook itself is running
        }
    }
}
