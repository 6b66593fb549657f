package org.maildoctor.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.maildoctor.bounce.batch.ClusterDetector;

/**
 * Reads the plain forms of {@code maildoctor bounce parse PATH... [OPTION...]} without picocli, which builds its model
 * of a command by reflection over the command's annotations: ~55 ms of every start, a third of a one-file run and
 * 3 % of a 17,000-file batch (bench/RESULTS.md, 2026-12-06). Only the arguments whose reading is beyond doubt are
 * taken here: paths, and the command's own options each at most once in their usual spellings; with anything else
 * (help, a global network option, {@code --}, {@code @files}, a value that does not convert, an option that
 * {@link ConfigDefaultProvider} gives a value from the environment or the config file) this declines and picocli
 * reads the arguments, with its errors and help. {@code BounceParseArgsTest} checks that whatever this reads,
 * picocli reads the same way, over the command's annotated options.
 */
final class BounceParseArgs {
    /** Every option name picocli knows for {@code bounce parse}, its own, the global ones and the help ones. */
    static final Set<String> OPTIONS = Set.of("format", "verbose", "summary", "suppression", "sent", "cluster-min",
            "cluster-window", "time-limit", "json", "dns", "timeout", "allow-private", "data-dir", "db", "help", "version");

    private BounceParseArgs() {
    }

    /** The command with its fields set as picocli would set them from {@code args}; null when picocli must read them. */
    static BounceParseCommand read(String[] args, ConfigDefaultProvider defaults) {
        if (args.length < 3 || !args[0].equals("bounce") || !args[1].equals("parse")) {
            return null;
        }
        for (String name : OPTIONS) {
            if (defaults.configures(name)) {
                return null;
            }
        }
        BounceParseCommand c = new BounceParseCommand();
        c.global = new GlobalOptions();
        c.global.timeout = Duration.ofSeconds(5);
        c.format = BounceCommand.Format.jsonl;
        c.clusterMin = ClusterDetector.DEFAULT_MIN_RECIPIENTS;
        c.clusterWindow = ClusterDetector.DEFAULT_WINDOW;
        c.timeLimit = Duration.ofSeconds(10);
        List<String> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-") || !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@') {
                paths.add(a);
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                return null;
            }
            int eq = a.indexOf('=');
            String name = a.substring(2, eq < 0 ? a.length() : eq);
            if (!seen.add(name)) {
                return null; // picocli refuses a repeated option
            }
            boolean flag = name.equals("verbose") || name.equals("summary") || name.equals("json");
            if (flag) {
                if (eq >= 0) {
                    return null;
                }
                switch (name) {
                    case "verbose" -> c.verbose = true;
                    case "summary" -> c.summary = true;
                    default -> c.global.json = true;
                }
                continue;
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' || !set(c, name, value)) {
                return null;
            }
        }
        if (paths.isEmpty()) {
            return null;
        }
        c.paths = paths;
        return c;
    }

    /** Sets option {@code name} to {@code value}; false for an option not read here or a value that does not convert. */
    private static boolean set(BounceParseCommand c, String name, String value) {
        switch (name) {
            case "format" -> {
                for (BounceCommand.Format f : BounceCommand.Format.values()) {
                    if (f.name().equals(value)) {
                        c.format = f;
                        return true;
                    }
                }
                return false;
            }
            case "suppression" -> c.suppression = Path.of(value);
            case "sent" -> {
                if (!digits(value, 18)) {
                    return false;
                }
                c.sent = Long.parseLong(value);
            }
            case "cluster-min" -> {
                if (!digits(value, 9)) {
                    return false;
                }
                c.clusterMin = Integer.parseInt(value);
            }
            case "cluster-window", "time-limit" -> {
                Duration d;
                try {
                    d = DurationConverter.parse(value);
                } catch (RuntimeException e) {
                    return false; // picocli words the error
                }
                if (name.equals("time-limit")) {
                    c.timeLimit = d;
                } else {
                    c.clusterWindow = d;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int max) {
        if (s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
