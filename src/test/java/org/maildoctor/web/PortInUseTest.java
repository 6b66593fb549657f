package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.cli.Main;

class PortInUseTest {
    /** Never the user's ~/.maildoctor: other runs may have migrated it to another schema. */
    @TempDir
    java.nio.file.Path dataDir;


    private static ServerSocket occupy() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return socket;
    }

    @Test
    void startOnATakenPortNamesThePort() throws Exception {
        try (ServerSocket taken = occupy()) {
            int port = taken.getLocalPort();
            WebServer server = WebServer.builder(WebConfig.loopback(port, "t")).build();
            assertThatThrownBy(server::start)
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.bindAddress()).isEqualTo("127.0.0.1");
                    });
        }
    }

    @Test
    void serveOnATakenPortPrintsOneClearLineAndExits3() throws Exception {
        try (ServerSocket taken = occupy()) {
            int port = taken.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"serve", "--port", Integer.toString(port), "--smtp-port", "0", "--data-dir", dataDir.toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(3);
            assertThat(err.toString()).isEqualTo("maildoctor: port " + port + " on 127.0.0.1 is already in use;"
                    + " choose another with --port N (or MAILDOCTOR_PORT)" + System.lineSeparator());
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void serveOnAPublicAddressWithoutSecretsIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--bind", "0.0.0.0", "--port", "1", "--data-dir", dataDir.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("maildoctor: refusing to serve on 0.0.0.0 without authentication")
                .contains("--admin-password").contains("--api-token");
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }
}
