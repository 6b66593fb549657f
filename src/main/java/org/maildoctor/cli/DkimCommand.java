package org.maildoctor.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimKeyGenerator;
import org.maildoctor.auth.dkim.DkimSelectorProbe;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.DkimVerdict;
import org.maildoctor.auth.dkim.DkimVerifier;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.auth.dkim.KeyGrade;
import org.maildoctor.auth.dkim.SelectorFinding;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maildoctor dkim verify|keys|keygen}: DKIM verification, selector discovery and key generation. */
@Command(name = "dkim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "DKIM (RFC 6376, RFC 8301, RFC 8463): verify signatures, find published keys, generate keys.",
        subcommands = {DkimCommand.Verify.class, DkimCommand.Keys.class, DkimCommand.Keygen.class})
public final class DkimCommand implements Runnable {
    /** Larger files are not mail a verifier should spend time on. */
    static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: verify, keys or keygen");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Verify every DKIM-Signature of a message file (raw RFC 5322 bytes, .eml).",
                "Exit 0 if every signature passes, 1 if any fails or the message is unsigned, 3 on DNS errors only."})
    static final class Verify extends BaseCommand {
        @Parameters(index = "0", paramLabel = "MESSAGE", description = "The message file.")
        Path file;

        @Override
        protected int run() {
            byte[] message = read(file);
            Resolver resolver = Wiring.resolver(global);
            List<DkimSignatureResult> results = new DkimVerifier(resolver, Clock.systemUTC()).verify(message);
            Output out = output();
            if (global.json) {
                out.json(verifyDocument(file.toString(), results));
            } else {
                printVerify(out, results);
            }
            return exitCode(results);
        }
    }

    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_MESSAGE_BYTES) {
                throw CliException.usage(file + " is larger than " + MAX_MESSAGE_BYTES / (1024 * 1024) + " MiB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** 0 all pass; 1 any fail/permerror or unsigned; 3 when the only problem is a DNS temperror. */
    static int exitCode(List<DkimSignatureResult> results) {
        if (results.isEmpty()) {
            return ExitCode.PROBLEMS;
        }
        boolean temp = false;
        for (DkimSignatureResult r : results) {
            switch (r.verdict()) {
                case PASS -> { }
                case TEMPERROR -> temp = true;
                default -> {
                    return ExitCode.PROBLEMS;
                }
            }
        }
        return temp ? ExitCode.RUNTIME : ExitCode.OK;
    }

    static Map<String, Object> verifyDocument(String file, List<DkimSignatureResult> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file);
        doc.put("verdict", DkimVerdict.overall(results).word());
        List<Map<String, Object>> sigs = new ArrayList<>();
        for (DkimSignatureResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", r.domain());
            m.put("selector", r.selector());
            m.put("algorithm", r.algorithm());
            m.put("verdict", r.verdict().word());
            m.put("reason", r.reason().name());
            m.put("reasonText", r.reason().text());
            m.put("explanation", r.explanation());
            m.put("fix", r.reason().fix().isEmpty() ? null : r.reason().fix());
            m.put("keyBits", r.keyBits().isPresent() ? r.keyBits().getAsInt() : null);
            m.put("bodyHash", r.bodyHash().name().toLowerCase(Locale.ROOT));
            m.put("signature", r.signature().name().toLowerCase(Locale.ROOT));
            m.put("testing", r.testing());
            sigs.add(m);
        }
        doc.put("signatures", sigs);
        return doc;
    }

    private static void printVerify(Output out, List<DkimSignatureResult> results) {
        if (results.isEmpty()) {
            out.line("none: the message has no DKIM-Signature");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "VERDICT", "DOMAIN", "SELECTOR", "ALGORITHM", "BITS", "BODY HASH", "SIGNATURE", "REASON"});
        int i = 1;
        for (DkimSignatureResult r : results) {
            rows.add(new String[] {Integer.toString(i++), r.verdict().word(), dash(r.domain()), dash(r.selector()),
                dash(r.algorithm()), r.keyBits().isPresent() ? Integer.toString(r.keyBits().getAsInt()) : "-",
                word(r.bodyHash().name()), word(r.signature().name()),
                r.reason() == org.maildoctor.auth.dkim.FailureReason.NONE ? "-" : r.reason().text()});
        }
        table(out, rows);
        i = 1;
        for (DkimSignatureResult r : results) {
            out.line("  " + i++ + ". " + r.explanation());
            if (!r.reason().fix().isEmpty()) {
                out.line("     fix: " + r.reason().fix());
            }
        }
        out.line("verdict: " + DkimVerdict.overall(results).word());
    }

    @Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Find a domain's DKIM keys by trying common selectors (or the ones given),",
                "with key type, size and grade (RSA < 1024 fail, 1024 warn, >= 2048 and Ed25519 good).",
                "Exit 0 if a good key was found and nothing is broken, 1 otherwise, 3 if DNS failures left it unknown."})
    static final class Keys extends BaseCommand {
        @Parameters(index = "0", paramLabel = "DOMAIN")
        String domain;

        @Option(names = "--selector", paramLabel = "S", description = "Selector to check (repeatable); default: the common list.")
        List<String> selectors;

        @Override
        protected int run() {
            boolean explicit = selectors != null && !selectors.isEmpty();
            List<SelectorFinding> findings;
            Resolver resolver = Wiring.resolver(global);
            try {
                DkimSelectorProbe probe = new DkimSelectorProbe(resolver);
                findings = (explicit ? probe.probe(domain, selectors) : probe.probe(domain)).join();
            } catch (DnsNameException e) {
                throw CliException.usage(e.getMessage());
            }
            Output out = output();
            if (global.json) {
                out.json(keysDocument(domain, findings));
            } else {
                printKeys(out, findings, explicit);
            }
            return keysExitCode(findings);
        }
    }

    static int keysExitCode(List<SelectorFinding> findings) {
        boolean good = false;
        boolean broken = false;
        boolean unknown = false;
        for (SelectorFinding f : findings) {
            switch (f) {
                case SelectorFinding.Found x -> {
                    if (x.grade() == KeyGrade.FAIL) {
                        broken = true;
                    } else {
                        good = true;
                    }
                }
                case SelectorFinding.Revoked x -> broken = true;
                case SelectorFinding.Invalid x -> broken = true;
                case SelectorFinding.Unknown x -> unknown = true;
                case SelectorFinding.Absent x -> { }
            }
        }
        if (good && !broken) {
            return ExitCode.OK;
        }
        return !good && !broken && unknown ? ExitCode.RUNTIME : ExitCode.PROBLEMS;
    }

    static Map<String, Object> keysDocument(String domain, List<SelectorFinding> findings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("domain", domain);
        List<Map<String, Object>> list = new ArrayList<>();
        for (SelectorFinding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("selector", f.selector());
            m.put("name", f.name());
            m.put("status", status(f));
            switch (f) {
                case SelectorFinding.Found x -> {
                    m.put("keyType", x.keyType().tagValue());
                    m.put("bits", x.bits());
                    m.put("grade", x.grade().name().toLowerCase(Locale.ROOT));
                    m.put("testing", x.testing());
                    m.put("record", x.record());
                }
                case SelectorFinding.Revoked x -> m.put("record", x.record());
                case SelectorFinding.Invalid x -> {
                    m.put("reason", x.reason().name());
                    m.put("record", x.record());
                }
                default -> { }
            }
            m.put("explanation", f.explanation());
            list.add(m);
        }
        doc.put("selectors", list);
        return doc;
    }

    static String status(SelectorFinding f) {
        return switch (f) {
            case SelectorFinding.Found x -> "found";
            case SelectorFinding.Revoked x -> "revoked";
            case SelectorFinding.Invalid x -> "invalid";
            case SelectorFinding.Absent x -> "absent";
            case SelectorFinding.Unknown x -> "unknown";
        };
    }

    private static void printKeys(Output out, List<SelectorFinding> findings, boolean explicit) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SELECTOR", "STATUS", "TYPE", "BITS", "GRADE", "DETAIL"});
        int absent = 0;
        for (SelectorFinding f : findings) {
            if (f instanceof SelectorFinding.Absent && !explicit) {
                absent++;
                continue;
            }
            if (f instanceof SelectorFinding.Found x) {
                rows.add(new String[] {f.selector(), "found", x.keyType().tagValue(), Integer.toString(x.bits()),
                    x.grade().name().toLowerCase(Locale.ROOT), f.explanation()});
            } else {
                rows.add(new String[] {f.selector(), status(f), "-", "-", "-", f.explanation()});
            }
        }
        if (rows.size() > 1) {
            table(out, rows);
        }
        if (!explicit) {
            out.line((rows.size() - 1) + " selector(s) with a record; " + absent + " of " + findings.size()
                    + " common selectors absent (DKIM selectors cannot be listed; others may exist)");
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Generate a DKIM key pair: writes the private key (mode 0600) and prints the TXT record to publish.",
                "The private key is never printed unless --print-private is given."})
    static final class Keygen extends BaseCommand {
        @Option(names = "--domain", required = true, paramLabel = "D")
        String domain;

        @Option(names = "--selector", required = true, paramLabel = "S")
        String selector;

        @Option(names = "--type", paramLabel = "rsa|ed25519", defaultValue = "rsa",
                description = "Key type (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--bits", defaultValue = "2048", description = "RSA key size, 1024-4096 (default: ${DEFAULT-VALUE}).")
        int bits;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "Directory for the private key file (default: current directory).")
        Path outDir;

        @Option(names = "--print-private", description = "Also print the private key PEM on stdout.")
        boolean printPrivate;

        @Override
        protected int run() {
            DkimAlgorithm.KeyType keyType = DkimAlgorithm.KeyType.fromTag(type)
                    .orElseThrow(() -> CliException.usage("--type must be rsa or ed25519, not '" + type + "'"));
            GeneratedDkimKey key;
            try {
                key = new DkimKeyGenerator().generate(domain, selector, keyType, bits);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Path file = outDir.resolve(key.selector() + "." + key.domain() + ".private.pem");
            writePrivate(file, key.privateKeyPem());
            Output out = output();
            if (global.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("domain", key.domain());
                doc.put("selector", key.selector());
                doc.put("keyType", key.keyType().tagValue());
                doc.put("bits", key.bits());
                doc.put("dnsName", key.dnsName());
                doc.put("record", key.recordText());
                doc.put("recordStrings", key.recordStrings());
                doc.put("zoneFileLine", key.zoneFileLine());
                doc.put("privateKeyFile", file.toString());
                if (printPrivate) {
                    doc.put("privateKeyPem", key.privateKeyPem());
                }
                out.json(doc);
            } else {
                out.line("Private key written to " + file + " (mode 0600; keep it secret).");
                out.line("Publish this TXT record at " + key.dnsName() + ":");
                out.line("");
                out.line(key.zoneFileLine());
                if (printPrivate) {
                    out.line("");
                    out.out().print(key.privateKeyPem());
                    out.out().flush();
                }
            }
            return ExitCode.OK;
        }
    }

    static void writePrivate(Path file, String pem) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(rw));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, pem);
        } catch (FileAlreadyExistsException e) {
            throw CliException.usage(file + " already exists; not overwriting a private key");
        } catch (IOException e) {
            throw CliException.runtime("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void table(Output out, List<String[]> rows) {
        int cols = rows.getFirst().length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols - 1; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                sb.append(c == cols - 1 ? r[c] : String.format("%-" + w[c] + "s  ", r[c]));
            }
            out.line(sb.toString().stripTrailing());
        }
    }
}
