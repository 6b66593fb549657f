package org.maildoctor.store.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobScheduler} runs.
 *
 * @param nodeName          who ran an execution (recorded in {@code scheduled_tasks.picked_by} and
 *                          {@code scheduler_run.node}); must differ between nodes; at most 50 chars
 * @param heartbeatInterval delay between two heartbeat runs (one minute in production)
 * @param pollingInterval   how often this node looks for due executions
 * @param threads           executor threads (each may hold a pooled connection while it runs)
 */
public record JobSchedulerConfig(String nodeName, Duration heartbeatInterval, Duration pollingInterval, int threads) {

    public static final int MAX_NODE_NAME = 50;

    public JobSchedulerConfig {
        Objects.requireNonNull(nodeName, "nodeName");
        if (nodeName.isBlank() || nodeName.length() > MAX_NODE_NAME) {
            throw new IllegalArgumentException("node name must be 1-" + MAX_NODE_NAME + " characters: '" + nodeName + "'");
        }
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(pollingInterval, "pollingInterval");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** Production defaults: heartbeat every minute, poll every 10 s, 2 threads, node "host-pid". */
    public static JobSchedulerConfig defaults() {
        return new JobSchedulerConfig(defaultNodeName(), Duration.ofMinutes(1), Duration.ofSeconds(10), 2);
    }

    public JobSchedulerConfig withNodeName(String name) {
        return new JobSchedulerConfig(name, heartbeatInterval, pollingInterval, threads);
    }

    public JobSchedulerConfig withHeartbeatInterval(Duration interval) {
        return new JobSchedulerConfig(nodeName, interval, pollingInterval, threads);
    }

    public JobSchedulerConfig withPollingInterval(Duration interval) {
        return new JobSchedulerConfig(nodeName, heartbeatInterval, interval, threads);
    }

    static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String pid = Long.toString(ProcessHandle.current().pid());
        int room = MAX_NODE_NAME - pid.length() - 1;
        return (host.length() > room ? host.substring(0, room) : host) + "-" + pid;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
