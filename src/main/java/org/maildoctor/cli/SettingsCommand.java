package org.maildoctor.cli;

import java.util.Map;
import java.util.regex.Pattern;
import org.maildoctor.store.Setting;
import org.maildoctor.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code maildoctor settings list|get|set|delete}: the key/value settings in the store. */
@Command(name = "settings", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show and change stored settings.",
        subcommands = {
            SettingsCommand.ListSettings.class,
            SettingsCommand.GetSetting.class,
            SettingsCommand.SetSetting.class,
            SettingsCommand.DeleteSetting.class,
        })
public final class SettingsCommand implements Runnable {
    /** Printable, no spaces: keys end up in URLs and YAML. Length matches the column. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");
    private static final int MAX_VALUE = 10_000;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, get, set or delete");
    }

    static String checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw CliException.usage("invalid setting key '" + key
                    + "': 1-200 characters of letters, digits and . _ : / -, starting with a letter or digit");
        }
        return key;
    }

    static int notSet(Output out, String key) {
        out.err().println("maildoctor: setting '" + key + "' is not set");
        out.err().flush();
        return ExitCode.PROBLEMS;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
             description = "List all settings.")
    static final class ListSettings extends StoreBackedCommand {
        @Override
        protected int run(Store store) {
            var all = store.settings().list();
            Output out = output();
            if (global.json) {
                out.json(all);
            } else {
                all.forEach(s -> out.line(s.key() + " = " + s.value()));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
             description = "Print one setting's value (exit 1 if it is not set).")
    static final class GetSetting extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        protected int run(Store store) {
            var found = store.settings().get(checkKey(key));
            Output out = output();
            if (found.isEmpty()) {
                return notSet(out, key);
            }
            if (global.json) {
                out.json(found.get());
            } else {
                out.line(found.get().value());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
             description = "Set a setting (creates or replaces it).")
    static final class SetSetting extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        protected int run(Store store) {
            checkKey(key);
            if (value.length() > MAX_VALUE) {
                throw CliException.usage("setting value too long: " + value.length() + " characters (max " + MAX_VALUE + ")");
            }
            Setting s = store.settings().put(key, value);
            Output out = output();
            if (global.json) {
                out.json(s);
            } else {
                out.line(s.key() + " = " + s.value());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
             description = "Delete a setting (exit 1 if it was not set).")
    static final class DeleteSetting extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        protected int run(Store store) {
            boolean existed = store.settings().delete(checkKey(key));
            Output out = output();
            if (!existed) {
                return notSet(out, key);
            }
            if (global.json) {
                out.json(Map.of("deleted", key));
            } else {
                out.line("deleted " + key);
            }
            return ExitCode.OK;
        }
    }
}
