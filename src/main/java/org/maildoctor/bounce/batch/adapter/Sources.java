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

        /** One directory being walked: its entries in name order, what each is, and the next one to look at. */
        private static final class Level {
            final boolean maildir;
            final List<Path> children;
            /** Per child its size when it is a regular file, else {@link #DIRECTORY} or {@link #OTHER}. */
            final long[] kinds;
            int next;

            Level(boolean maildir, List<Path> children, long[] kinds) {
                this.maildir = maildir;
                this.children = children;
                this.kinds = kinds;
            }
        }

        private static final long DIRECTORY = -1;
        /** A broken link, an entry gone since the listing, a pipe, a device, a socket. */
        private static final long OTHER = -2;

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

        /**
         * Lists a directory and stats each entry while it is open: relative to the open directory (fstatat), so
         * the kernel resolves one name instead of the whole path again, and without the two lookups a maildir
         * check made per directory (the listing shows whether "cur" and "new" are there). The problems of the
         * entries are still told when the walk reaches them ({@link #step}).
         */
        private void enter(Path dir) throws IOException {
            // a loop and one sort, not a stream: the walk shares its thread with writing the rows
            List<Path> children = new ArrayList<>();
            long[] kinds;
            try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path c : s) {
                    children.add(c);
                }
                children.sort(null);
                kinds = new long[children.size()];
                for (int i = 0; i < kinds.length; i++) {
                    kinds[i] = kind(s, children.get(i));
                }
            } catch (java.nio.file.DirectoryIteratorException e) {
                throw e.getCause();
            }
            boolean maildir = isDirectory(children, kinds, "cur") && isDirectory(children, kinds, "new");
            levels.push(new Level(maildir, children, kinds));
        }

        /** An entry's {@link Level#kinds} value, links followed (as isDirectory and isRegularFile do). */
        private static long kind(java.nio.file.DirectoryStream<Path> listing, Path entry) {
            try {
                java.nio.file.attribute.BasicFileAttributes a = listing instanceof java.nio.file.SecureDirectoryStream<Path> open
                        ? open.getFileAttributeView(entry.getFileName(), java.nio.file.attribute.BasicFileAttributeView.class)
                                .readAttributes()
                        : Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class);
                return a.isDirectory() ? DIRECTORY : a.isRegularFile() ? a.size() : OTHER;
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                return OTHER; // a broken link, or gone
            }
        }

        private static boolean isDirectory(List<Path> sorted, long[] kinds, String name) {
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == DIRECTORY && sorted.get(i).getFileName().toString().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** Looks at the next entry of the deepest directory: sets {@link #next}, descends, or climbs back. */
        private void step() throws IOException {
            Level l = levels.peek();
            if (l.next == l.children.size()) {
                levels.pop();
                return;
            }
            long kind = l.kinds[l.next];
            Path c = l.children.get(l.next++);
            boolean maildir = l.maildir;
            String name = c.getFileName().toString();
            if (kind == DIRECTORY) {
                if (!maildir || name.equals("cur") || name.equals("new") || (name.startsWith(".") && isMaildir(c))) {
                    enter(c);
                }
            } else if (!maildir && kind != OTHER) {
                // the size from the listing decides later whether the file is read ahead, without a stat of its own;
                // a maildir's own files (dovecot indexes, uidlists) hold no mail
                next = new FileSource(c, kind);
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
