package org.maildoctor.cli;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.maildoctor.web.InsecureBindException;
import org.maildoctor.web.PortInUseException;
import org.maildoctor.web.WebConfig;
import org.maildoctor.web.WebModules;
import org.maildoctor.web.WebServer;
import org.maildoctor.web.WebStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maildoctor serve}: runs the web interface and REST API until SIGTERM or Ctrl-C. Every
 * option can also come from {@code MAILDOCTOR_<OPTION>} or {@code maildoctor.yml}
 * (see {@link ConfigDefaultProvider}).
 */
@Command(name = "serve", description = "Start the web interface and REST API.")
public final class ServeCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

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

    /** Released by the shutdown hook; tests may call {@link #stop()} instead of signalling the JVM. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    protected int run() {
        if (port < 1 || port > 65535) {
            throw CliException.usage("--port must be 1-65535, got " + port);
        }
        WebConfig config = new WebConfig(bind, port, Optional.ofNullable(adminPassword),
                Optional.ofNullable(apiToken), VersionProvider.version());

        // integration: open store + scheduler here (before the server starts, so /healthz can report
        // the store through WebServer.Builder.healthCheck("store", ...) and pages can read from it;
        // close them after server.stop() below).

        WebServer server;
        try {
            server = WebServer.builder(config).modules(WebModules.defaults()).build();
        } catch (InsecureBindException e) {
            throw CliException.usage("refusing to serve on " + e.bindAddress() + " without authentication: set "
                    + "--admin-password or --api-token (MAILDOCTOR_ADMIN_PASSWORD / MAILDOCTOR_API_TOKEN), "
                    + "or use --bind 127.0.0.1");
        }
        try {
            server.start();
        } catch (PortInUseException e) {
            throw CliException.runtime("port " + e.port() + " on " + e.bindAddress()
                    + " is already in use; choose another with --port N (or MAILDOCTOR_PORT)", e);
        } catch (WebStartException e) {
            throw CliException.runtime(e.getMessage(), e);
        }

        Thread hook = new Thread(() -> {
            LOG.info("shutting down");
            server.stop();
            stopped.countDown();
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
