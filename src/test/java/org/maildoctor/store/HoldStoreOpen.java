package org.maildoctor.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Child-process stand-in for a long-running {@code maildoctor serve}: opens the data dir, says
 * READY on stdout and holds the database until stdin closes.
 *
 * <p>Modes: {@code store} opens it as maildoctor does (automatic mixed mode, shareable);
 * {@code exclusive} opens the H2 file directly without AUTO_SERVER (as a foreign tool would),
 * which locks it against every other process.
 */
public final class HoldStoreOpen {
    private HoldStoreOpen() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dataDir = Path.of(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (mode.equals("store")) {
            try (Store store = Store.open(StoreConfig.embedded(dataDir))) {
                store.settings().put("holder", "child-" + ProcessHandle.current().pid());
                ready();
                waitForEof(in);
                // show the parent's write reached the holder's database
                System.out.println("SEEN " + store.settings().get("from-parent").map(Setting::value).orElse("-"));
                System.out.flush();
            }
        } else {
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("maildoctor");
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS foreign_tool(x INT)");
                ready();
                waitForEof(in);
            }
        }
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
    }

    private static void waitForEof(BufferedReader in) throws Exception {
        while (in.readLine() != null) {
            // keep holding until the parent closes our stdin
        }
    }
}
