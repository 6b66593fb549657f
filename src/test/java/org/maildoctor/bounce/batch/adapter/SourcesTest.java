package org.maildoctor.bounce.batch.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs a batch gets from command-line paths: which files, in which order, and when problems are told. */
class SourcesTest {

    private static Path file(Path root, String rel) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, rel);
    }

    @Test
    void walksDepthFirstInNameOrderTakingOnlyAMaildirsCurAndNew(@TempDir Path root) throws Exception {
        file(root, "a/1.eml");
        file(root, "a/b/2.eml");
        file(root, "a/b/c/3.eml");
        file(root, "a/d/cur/x");
        file(root, "a/d/new/y");
        file(root, "a/d/tmp/z");
        file(root, "a/d/dovecot.index");
        file(root, "a/d/.Sub/cur/s");
        Files.createDirectories(root.resolve("a/d/.Sub/new"));
        file(root, "a/e.eml");
        file(root, "f.eml");
        Files.createSymbolicLink(root.resolve("a/b/broken"), root.resolve("nowhere"));
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Sources.Source s : Sources.lazily(List.of(root.resolve("a").toString(), root.resolve("f.eml").toString(),
                root.resolve("missing").toString()), new ByteArrayInputStream(new byte[0]), (p, why) -> problems.add(p + ": " + why))) {
            names.add(root.relativize(Path.of(s.name())).toString());
        }
        assertThat(names).containsExactly("a/1.eml", "a/b/2.eml", "a/b/c/3.eml", "a/d/.Sub/cur/s", "a/d/cur/x", "a/d/new/y",
                "a/e.eml", "f.eml");
        assertThat(problems).containsExactly(
                root.resolve("a/b/broken") + ": skipped: not a regular file (a broken link, a pipe or a device)",
                root.resolve("missing") + ": cannot read: no such file or directory");
        // the eager form gives the same inputs
        assertThat(Sources.expand(List.of(root.resolve("a").toString(), root.resolve("f.eml").toString()),
                new ByteArrayInputStream(new byte[0]), (p, why) -> { }).stream()
                .map(s -> root.relativize(Path.of(s.name())).toString()).toList())
                .containsExactlyElementsOf(names);
    }

    /**
     * What each entry is comes from the directory's listing: a pipe is told and skipped (reading one could block),
     * and a directory is a maildir only when its "cur" and "new" are directories (links followed).
     */
    @Test
    void pipesAreSkippedAndAMaildirNeedsCurAndNewDirectories(@TempDir Path root) throws Exception {
        file(root, "a/1.eml");
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("a/pipe").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        file(root, "b/cur"); // a file named cur: b is no maildir
        file(root, "b/new/n");
        file(root, "b/x.eml");
        file(root, "real/cur/c");
        file(root, "real/new/n");
        Files.createDirectories(root.resolve("c"));
        Files.createSymbolicLink(root.resolve("c/cur"), root.resolve("real/cur"));
        Files.createSymbolicLink(root.resolve("c/new"), root.resolve("real/new"));
        file(root, "c/dovecot.index");
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String dir : List.of("a", "b", "c")) {
            for (Sources.Source s : Sources.lazily(List.of(root.resolve(dir).toString()), new ByteArrayInputStream(new byte[0]),
                    (p, why) -> problems.add(root.relativize(Path.of(p)) + ": " + why))) {
                names.add(root.relativize(Path.of(s.name())).toString());
                assertThat(s.size()).isEqualTo(Files.size(Path.of(s.name())));
            }
        }
        assertThat(names).containsExactly("a/1.eml", "b/cur", "b/new/n", "b/x.eml", "c/cur/c", "c/new/n");
        assertThat(problems).containsExactly("a/pipe: skipped: not a regular file (a broken link, a pipe or a device)");
    }

    /** A batch can start on the first files before the walk has reached the rest of the tree. */
    @Test
    void theWalkGoesOnlyAsFarAsIsTaken(@TempDir Path root) throws Exception {
        file(root, "a/1.eml");
        Files.createSymbolicLink(root.resolve("b-broken"), root.resolve("nowhere"));
        file(root, "c/2.eml");
        List<String> problems = new ArrayList<>();
        Iterator<Sources.Source> it = Sources.lazily(List.of(root.toString()), new ByteArrayInputStream(new byte[0]),
                (p, why) -> problems.add(p)).iterator();
        assertThat(it.next().name()).endsWith("1.eml");
        assertThat(problems).isEmpty();
        assertThat(it.next().name()).endsWith("2.eml");
        assertThat(problems).containsExactly(root.resolve("b-broken").toString());
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void stdinIsOneInputNamedDash() {
        Iterator<Sources.Source> it = Sources.lazily(List.of("-"), new ByteArrayInputStream("x".getBytes()), (p, why) -> { })
                .iterator();
        Sources.Source s = it.next();
        assertThat(s.name()).isEqualTo("-");
        assertThat(s.size()).isEqualTo(-1);
        assertThat(it.hasNext()).isFalse();
    }

    /** A walked file read whole: its bytes now, whether or not its size is still the one the walk saw. */
    @Test
    void readAllGivesTheBytesEvenOfAFileThatChangedSinceTheWalk(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("a.eml"), "same");
        Files.writeString(root.resolve("b.eml"), "will grow");
        Files.writeString(root.resolve("c.eml"), "will shrink");
        Files.writeString(root.resolve("d.eml"), "");
        Files.writeString(root.resolve("e.eml"), "will be empty");
        Files.writeString(root.resolve("f.eml"), "will go");
        List<Sources.Source> in = Sources.expand(List.of(root.toString()), new ByteArrayInputStream(new byte[0]), (p, why) -> { });
        Files.writeString(root.resolve("b.eml"), "will grow: and did");
        Files.writeString(root.resolve("c.eml"), "shrunk");
        Files.writeString(root.resolve("e.eml"), "");
        Files.delete(root.resolve("f.eml"));
        assertThat(new String(in.get(0).readAll())).isEqualTo("same");
        assertThat(new String(in.get(1).readAll())).isEqualTo("will grow: and did");
        assertThat(new String(in.get(2).readAll())).isEqualTo("shrunk");
        assertThat(in.get(3).readAll()).isEmpty();
        assertThat(in.get(4).readAll()).isEmpty();
        assertThatThrownBy(() -> in.get(5).readAll()).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
