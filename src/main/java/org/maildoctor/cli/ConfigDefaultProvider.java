package org.maildoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option values that were not given as flags, giving the precedence
 * flags &gt; environment &gt; config file &gt; built-in defaults.
 *
 * <p>An option {@code --allow-private} is read from {@code MAILDOCTOR_ALLOW_PRIVATE}, then from the
 * key {@code allow-private} (or {@code allowPrivate}) of the config file. The config file is
 * {@code $MAILDOCTOR_CONFIG}, else {@code ./maildoctor.yml}, else {@code ~/.maildoctor/maildoctor.yml};
 * it is optional.
 */
public final class ConfigDefaultProvider implements IDefaultValueProvider {
    private final Map<String, String> env;
    private final JsonNode file;
    private final Path filePath;

    public ConfigDefaultProvider(Map<String, String> env, Path configFile) {
        this.env = env;
        this.filePath = configFile;
        this.file = read(configFile);
    }

    public static ConfigDefaultProvider fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new ConfigDefaultProvider(env, locateConfig(env));
    }

    static Path locateConfig(Map<String, String> env) {
        String explicit = env.get("MAILDOCTOR_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path local = Path.of("maildoctor.yml");
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path home = Path.of(System.getProperty("user.home"), ".maildoctor", "maildoctor.yml");
        return Files.isRegularFile(home) ? home : null;
    }

    private static JsonNode read(Path path) {
        if (path == null) {
            return null;
        }
        if (!Files.isRegularFile(path)) {
            throw CliException.usage("config file " + path + " does not exist");
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
            if (node != null && !node.isNull() && !node.isObject()) {
                throw CliException.usage("config file " + path + ": expected a mapping of option names to values");
            }
            return node;
        } catch (IOException e) {
            throw CliException.usage("config file " + path + " is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String fromEnv = env.get(envName(name));
        if (fromEnv != null) {
            return fromEnv;
        }
        if (file != null && file.isObject()) {
            JsonNode v = file.get(name);
            if (v == null) {
                v = file.get(camel(name));
            }
            if (v != null && !v.isNull() && !v.isContainerNode()) {
                return v.asText();
            }
        }
        return argSpec.defaultValue();
    }

    /** Whether the environment or the config file gives option {@code name} (without dashes) a value. */
    boolean configures(String name) {
        if (env.get(envName(name)) != null) {
            return true;
        }
        if (file == null || !file.isObject()) {
            return false;
        }
        JsonNode v = file.get(name);
        if (v == null) {
            v = file.get(camel(name));
        }
        return v != null && !v.isNull() && !v.isContainerNode();
    }

    /** {@code allow-private} → {@code MAILDOCTOR_ALLOW_PRIVATE}. */
    public static String envName(String optionName) {
        return "MAILDOCTOR_" + optionName.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    public Path configFile() {
        return filePath;
    }
}
