package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./maildoctor} launcher's choice of JVM options for {@code bounce parse} (MAILDOCTOR_DRY_RUN prints
 * the command instead of running it): the quick compiler only for inputs estimated at up to 256 MB, the JVM's
 * defaults for larger ones, for stdin (size unknown) and for other commands.
 */
class LauncherIT {
    private static final String QUICK = "-XX:TieredStopAtLevel=1";

    private static String command(String... args) throws Exception {
        return command(null, args);
    }

    private static String command(Path javaHome, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("maildoctor").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("MAILDOCTOR_DRY_RUN", "1");
        pb.environment().put("MAILDOCTOR_AOT", "0"); // no start-up cache training in the background
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("the java command").contains("-cp ").contains("maildoctor-all.jar org.maildoctor.cli.Main " + String.join(" ", args));
        return out;
    }

    private static Path sparse(Path file, long size) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size); // no blocks written: the size is what the launcher reads
        }
        return file;
    }

    @Test
    void aCorpusDirectoryRunsOnTheQuickCompiler() throws Exception {
        assertThat(command("bounce", "parse", "src/test/resources/corpora/bounces")).contains(QUICK, "-XX:+UseSerialGC", "-Xmn32m",
                "-XX:CompileCommand=quiet -XX:CompileCommand=exclude,jdk.internal.classfile.*::*");
    }

    @Test
    void aLargeFileNamedOrInADirectoryKeepsTheDefaults(@TempDir Path dir) throws Exception {
        Path big = sparse(dir.resolve("big.mbox"), 300L * 1024 * 1024);
        assertThat(command("bounce", "parse", big.toString())).doesNotContain(QUICK);

        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(mixed.resolve("m" + i + ".eml"), "Subject: x\n\nbody\n");
        }
        sparse(mixed.resolve("z.mbox"), 300L * 1024 * 1024);
        assertThat(command("bounce", "parse", mixed.toString())).doesNotContain(QUICK);

        Path small = Files.createDirectories(dir.resolve("small"));
        sparse(small.resolve("a.mbox"), 200L * 1024 * 1024);
        assertThat(command("bounce", "parse", small.toString(), "--summary")).contains(QUICK);
    }

    @Test
    void stdinAndOtherCommandsKeepTheDefaults() throws Exception {
        assertThat(command("bounce", "parse", "-")).doesNotContain(QUICK);
        assertThat(command("explain", "550 5.1.1 user unknown")).doesNotContain(QUICK);
    }

    @Test
    void aJavaHomeOlderThan21IsPassedOverForTheNewestJdkInstalled(@TempDir Path dir) throws Exception {
        // the launcher reads the version from the JDK's release file, without starting it
        Path old = Files.createDirectories(dir.resolve("jdk-17/bin"));
        Files.writeString(old.resolve("javac"), "#!/bin/sh\nexit 1\n");
        old.resolve("javac").toFile().setExecutable(true);
        Files.writeString(dir.resolve("jdk-17/release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.15\"\n");

        String out = command(dir.resolve("jdk-17"), "explain", "550 5.1.1 user unknown");
        assertThat(out).doesNotContain(dir.toString()).startsWith("/usr/lib/jvm/");
        String javaHome = out.substring(0, out.indexOf("/bin/java "));
        String release = Files.readString(Path.of(javaHome, "release"));
        int major = Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"));
        assertThat(major).as(javaHome).isGreaterThanOrEqualTo(21);
    }

    @Test
    void aLargeFileReachedThroughALinkedDirectoryCounts(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        sparse(real.resolve("big.mbox"), 300L * 1024 * 1024);
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("a.eml"), "Subject: x\n\nbody\n");
        Files.createSymbolicLink(input.resolve("linked"), real);
        assertThat(command("bounce", "parse", input.toString())).doesNotContain(QUICK);
    }
}
