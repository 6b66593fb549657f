package org.maildoctor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store contract on the embedded H2 file database, plus what only a file database has. */
class H2StoreIT extends StoreContract {
    @TempDir
    Path temp;

    @Override
    protected StoreConfig freshDatabase() {
        // a directory that does not exist yet: opening must create it
        return StoreConfig.embedded(temp.resolve("data"));
    }

    @Override
    protected void dropDatabase() {
        // @TempDir removes the files
    }

    @Test
    void createsDataDirOwnerOnlyAndDescribesTheFile() throws IOException {
        Path dir = temp.resolve("data");
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path file = dir.resolve("maildoctor.mv.db").toAbsolutePath();
        assertThat(file).exists();
        assertThat(store.describe()).isEqualTo("H2 file " + file);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 8192})
    void corruptFileIsReportedByName(int size) throws IOException {
        Path dir = temp.resolve("corrupt");
        Files.createDirectories(dir);
        Path file = dir.resolve("maildoctor.mv.db");
        byte[] garbage = new byte[size];
        new java.util.Random(42).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dir)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("database file " + file.toAbsolutePath() + " is corrupt or not an H2 database: ");
    }

    @Test
    void dataDirThatIsAFileIsReported() throws IOException {
        Path notADir = Files.writeString(temp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(notADir)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(notADir.toString());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void cliCanUseTheDatabaseWhileAnotherProcessHoldsIt() throws Exception {
        Path dir = temp.resolve("shared");
        Child child = Child.start("store", dir);
        try {
            child.awaitReady();
            try (Store cli = Store.open(StoreConfig.embedded(dir))) {
                assertThat(cli.settings().get("holder")).map(Setting::value)
                        .contains("child-" + child.process.pid());
                cli.settings().put("from-parent", "hello");
                assertThat(cli.schemaVersion()).contains("7");
            }
            assertThat(child.finish()).contains("SEEN hello");
        } finally {
            child.process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void autoServerListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "no non-loopback IPv4 address to probe from");
        Path dir = temp.resolve("bind");
        Child child = Child.start("store", dir);
        try {
            child.awaitReady();
            Properties lock = new Properties();
            try (var in = Files.newInputStream(dir.resolve("maildoctor.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(external.get(), port), 2000);
                }
            }).isInstanceOf(IOException.class);
        } finally {
            child.finish();
            child.process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void longRunningProcessSurvivesTheExitOfTheProcessThatServedTheFile() throws Exception {
        // a CLI command opened the file first (so it runs H2's TCP server), then `serve` started and
        // connected through it; when the CLI command exits, serve must carry on with the file itself
        Path dir = temp.resolve("handover");
        Store cli = Store.open(StoreConfig.embedded(dir));
        Child child = Child.start("store", dir);
        try {
            child.awaitReady();
            cli.settings().put("from-parent", "before-exit");
            cli.close();
            assertThat(child.finish()).contains("SEEN before-exit");
        } finally {
            child.process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void survivesTheServingProcessBeingKilled() throws Exception {
        Path dir = temp.resolve("killed");
        Child child = Child.start("store", dir);
        try {
            child.awaitReady();
            try (Store cli = Store.open(StoreConfig.embedded(dir))) {
                cli.settings().put("k", "1");
                child.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                // the next statements find the server gone and take over the (crash-safe) file
                assertThat(cli.settings().update("k", v -> v + "2").value()).isEqualTo("12");
                assertThat(cli.settings().get("holder")).isPresent();
            }
        } finally {
            child.process.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void fileLockedByAForeignProcessIsReportedByName() throws Exception {
        Path dir = temp.resolve("locked");
        Child child = Child.start("exclusive", dir);
        try {
            child.awaitReady();
            Path file = dir.resolve("maildoctor.mv.db").toAbsolutePath();
            assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dir)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("database file " + file + " is locked: another process holds it");
        } finally {
            child.finish();
            child.process.destroyForcibly();
        }
    }

    /** A JVM running {@link HoldStoreOpen} on this test's classpath. */
    private record Child(Process process, BufferedReader out) {
        static Child start(String mode, Path dir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HoldStoreOpen.class.getName(), mode, dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }

        void awaitReady() throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    return;
                }
            }
            throw new IllegalStateException("child exited before READY, exit " + process.exitValue());
        }

        /** Closes its stdin (it then releases the database) and returns the rest of its output. */
        List<String> finish() throws Exception {
            process.getOutputStream().close();
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return lines;
        }
    }
}
