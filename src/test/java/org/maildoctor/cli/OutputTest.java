package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Output#apart}: results and diagnostics are known to be apart only when they lead to different files. */
class OutputTest {

    @Test
    void writersOtherThanTheProcessStreamsAreNeverApart() {
        PrintWriter a = new PrintWriter(new StringWriter());
        PrintWriter b = new PrintWriter(new StringWriter());
        assertThat(new Output(a, b).apart()).isFalse();
        assertThat(new Output(a, a).apart()).isFalse();
    }

    @Test
    void sameFileFollowsLinksAndSaysSameWhenItCannotTell(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        Path g = Files.writeString(dir.resolve("g"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("l"), f);
        assertThat(Output.sameFile(f, f)).isTrue();
        assertThat(Output.sameFile(f, link)).isTrue();
        assertThat(Output.sameFile(f, g)).isFalse();
        assertThat(Output.sameFile(f, dir.resolve("missing"))).isTrue();
    }
}
