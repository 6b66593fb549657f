package org.maildoctor.bounce.batch.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Turns command-line paths into the inputs of a batch: files, directories (walked recursively in
 * name order), maildirs (only {@code cur/} and {@code new/}, and Maildir++ {@code .Folder}s; never
 * {@code tmp/}, where messages are still being written), and {@code -} for stdin. Inputs are opened
 * one at a time when read, so a directory of a million files holds one open file.
 */
public final class Sources {

    /** One input; {@link #open()} fails with the reason it cannot be read. */
    public interface Source extends org.maildoctor.bounce.batch.BounceBatch.Input {
    }

    private Sources() {
    }

    /**
     * @param problems receives (path, reason) for paths that cannot be listed; they are skipped
     */
    public static List<Source> expand(List<String> paths, InputStream stdin, BiConsumer<String, String> problems) {
        List<Source> out = new ArrayList<>();
        lazily(paths, stdin, problems).forEach(out::add);
        return out;
    }

    /**
     * {@link #expand}, walked as it is iterated: a batch starts reading the first files while the rest of a
     * large tree is still to be listed. {@code problems} hears of each path when the walk reaches it.
     */
    public static Iterable<Source> lazily(List<String> paths, InputStream stdin, BiConsumer<String, String> problems) {
        return () -> new Walk(paths, stdin, problems);
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    /**
     * Depth-first, each directory's entries in name order, one listing held per level. A directory that
     * cannot be listed, at any depth, ends the walk of the command-line path it is under, which is named
     * in the problem; the files found before it stay.
     */
    private static final class Walk implements java.util.Iterator<Source> {
        private final java.util.Iterator<String> paths;
        private final InputStream stdin;
        private final BiConsumer<String, String> problems;
        private final java.util.ArrayDeque<Level> levels = new java.util.ArrayDeque<>();
        private String top;
        private Source next;

        /** One directory being walked: its entries in name order and the next one to look at. */
        private static final class Level {
            final boolean maildir;
            final List<Path> children;
            int next;

            Level(boolean maildir, List<Path> children) {
                this.maildir = maildir;
                this.children = children;
            }
        }

        Walk(List<String> paths, InputStream stdin, BiConsumer<String, String> problems) {
            this.paths = paths.iterator();
            this.stdin = stdin;
            this.problems = problems;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (levels.isEmpty()) {
                    if (!paths.hasNext()) {
                        return false;
                    }
                    start(paths.next());
                } else {
                    try {
                        step();
                    } catch (IOException | UncheckedIOException | SecurityException e) {
                        levels.clear();
                        problems.accept(top, "cannot list directory: " + message(e));
                    }
                }
            }
            return true;
        }

        @Override
        public Source next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Source s = next;
            next = null;
            return s;
        }

        private void start(String p) {
            top = p;
            if (p.equals("-")) {
                next = new StdinSource(stdin);
                return;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try {
                    enter(path);
                } catch (IOException | UncheckedIOException | SecurityException e) {
                    problems.accept(p, "cannot list directory: " + message(e));
                }
            } else if (!Files.exists(path)) {
                problems.accept(p, "cannot read: no such file or directory");
            } else {
                next = new FileSource(path, UNKNOWN);
            }
        }

        private void enter(Path dir) throws IOException {
            boolean maildir = isMaildir(dir);
            // a loop and one sort, not a stream: the walk shares its thread with writing the rows
            List<Path> children = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path c : s) {
                    children.add(c);
                }
            } catch (java.nio.file.DirectoryIteratorException e) {
                throw e.getCause();
            }
            children.sort(null);
            levels.push(new Level(maildir, children));
        }

        /** Looks at the next entry of the deepest directory: sets {@link #next}, descends, or climbs back. */
        private void step() throws IOException {
            Level l = levels.peek();
            if (l.next == l.children.size()) {
                levels.pop();
                return;
            }
            Path c = l.children.get(l.next++);
            boolean maildir = l.maildir;
            String name = c.getFileName().toString();
            // one stat per entry (links followed, as isDirectory and isRegularFile do); its size decides later
            // whether the file is read ahead, without a stat of its own
            java.nio.file.attribute.BasicFileAttributes a;
            try {
                a = Files.readAttributes(c, java.nio.file.attribute.BasicFileAttributes.class);
            } catch (IOException | SecurityException e) {
                a = null; // a broken link, or gone: not a regular file
            }
            if (a != null && a.isDirectory()) {
                if (!maildir || name.equals("cur") || name.equals("new") || (name.startsWith(".") && isMaildir(c))) {
                    enter(c);
                }
            } else if (!maildir && a != null && a.isRegularFile()) {
                next = new FileSource(c, a.size()); // a maildir's own files (dovecot indexes, uidlists) hold no mail
            } else if (!maildir) {
                // never open a pipe or a device: reading one could block the batch for ever
                problems.accept(c.toString(), "skipped: not a regular file (a broken link, a pipe or a device)");
            }
        }
    }

    static String message(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static final long UNKNOWN = -2;

    /** {@code size}: from the directory walk, or {@link #UNKNOWN} for a path named on the command line. */
    private record FileSource(Path path, long size) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            if (size == UNKNOWN && Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            return Files.newInputStream(path);
        }

        /**
         * With the size from the walk, one read of a byte more than that is the whole file (the stream asks
         * for the size and position and reads once more to find the end); a file that changed since is
         * read as a stream.
         */
        @Override
        public byte[] readAll() throws IOException {
            if (size < 0 || size >= Integer.MAX_VALUE - 8) {
                return Source.super.readAll();
            }
            byte[] b = new byte[(int) size + 1];
            int n;
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
                n = ch.read(java.nio.ByteBuffer.wrap(b));
            }
            if (n == size || (n < 0 && size == 0)) {
                return java.util.Arrays.copyOf(b, (int) size);
            }
            return Source.super.readAll();
        }

        @Override
        public long size() {
            if (size != UNKNOWN) {
                return size;
            }
            try {
                return Files.isRegularFile(path) ? Files.size(path) : -1;
            } catch (IOException | SecurityException e) {
                return -1; // read on the main thread, where the error is reported in its turn
            }
        }
    }

    private record StdinSource(InputStream in) implements Source {
        @Override
        public String name() {
            return "-";
        }

        @Override
        public InputStream open() {
            // the caller closes what it opens; stdin stays open for the process
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                }
            };
        }
    }

    /** The reason an I/O failure gives, in words (for "FILE: cannot read: REASON"). */
    public static String describe(Exception e) {
        return message(e);
    }
}
