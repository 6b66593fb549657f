package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors and the catalogue listing: no DNS needed (every error comes before any query). */
class BlocklistCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void notAnIpNorADomainIsAUsageError() {
        assertThat(run("blocklist", "999.1.1.1", "--dns", "127.0.0.1:9")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("neither an IP address nor a domain name").doesNotContain("Exception");
    }

    @Test
    void unknownListIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("blocklist", "192.0.2.1", "--list", "nope", "--dns", "127.0.0.1:9")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown list nope").contains("spamhaus-zen");
    }

    @Test
    void brokenCatalogueFileIsAUsageError() throws Exception {
        Path f = dir.resolve("bad.yml");
        Files.writeString(f, "lists:\n  - {id: spamhaus-zen, zoen: x}\n");
        assertThat(run("blocklist", "192.0.2.1", "--blocklists", f.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown key 'zoen'");
        assertThat(run("blocklist", "192.0.2.1", "--blocklists", dir.resolve("missing.yml").toString()))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void catalogueShowsOverriddenZones() throws Exception {
        Path f = dir.resolve("dqs.yml");
        Files.writeString(f, "lists:\n  - {id: spamhaus-zen, zone: MYKEY.zen.dq.spamhaus.net}\n");
        assertThat(run("blocklist", "--catalogue", "--json", "--blocklists", f.toString())).isEqualTo(ExitCode.OK);
        var doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.findValuesAsText("zone")).contains("mykey.zen.dq.spamhaus.net", "dbl.spamhaus.org");
    }

    @Test
    void catalogueFileComesFromTheConfigFileToo() throws Exception {
        Path lists = dir.resolve("dqs.yml");
        Files.writeString(lists, "lists:\n  - {id: spamhaus-dbl, zone: MYKEY.dbl.dq.spamhaus.net}\n");
        Path config = dir.resolve("maildoctor.yml");
        Files.writeString(config, "blocklists: " + lists + "\n");
        var cl = Main.commandLine(new ConfigDefaultProvider(java.util.Map.of(), config));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("blocklist", "--catalogue")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("mykey.dbl.dq.spamhaus.net");
    }

    @Test
    void noTargetIsAUsageError() {
        assertThat(run("blocklist")).isEqualTo(ExitCode.USAGE);
    }
}
