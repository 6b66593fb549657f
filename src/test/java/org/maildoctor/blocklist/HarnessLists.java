package org.maildoctor.blocklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The catalogue of the harness's fake lists (src/test/resources/blocklist/harness-lists.yml). */
public final class HarnessLists {
    private HarnessLists() {
    }

    public static String yaml() {
        try (InputStream in = HarnessLists.class.getResourceAsStream("/blocklist/harness-lists.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two lists whose server never answers, each with its own timeout. */
    public static String silentLists(String hostPort, String timeout) {
        return """
                lists:
                  - {id: silent-1, name: Silent list 1, zone: silent1.bl.test, kind: ip, delisting: "https://silent.example/", server: "%1$s", timeout: %2$s, codes: {127.0.0.2: listed}}
                  - {id: silent-2, name: Silent list 2, zone: silent2.bl.test, kind: ip, delisting: "https://silent.example/", server: "%1$s", timeout: %2$s, codes: {127.0.0.2: listed}}
                """.formatted(hostPort, timeout);
    }

    public static Catalogue catalogue() {
        return Catalogue.shipped().withOverrides(yaml(), "harness-lists.yml");
    }
}
