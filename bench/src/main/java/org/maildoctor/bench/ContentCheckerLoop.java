package org.maildoctor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maildoctor.content.ContentChecker;
import org.maildoctor.content.ContentReport;
import org.maildoctor.content.MessageContent;

/**
 * The template checker on the content corpus (../shared/corpora/content: 400 ham, 100 of them hard
 * ham, 400 spam): messages per second on one thread (parse + every rule), and precision / recall of
 * "spam when the spam score reaches T" next to SpamAssassin's recorded verdicts, on the development
 * half, the held-out half and the whole corpus. The halves are fixed by the file name alone (lowest bit
 * of the first SHA-256 byte of the path in the verdicts file: even = development), so anyone gets the
 * same split; weights and {@link ContentReport#SPAM_THRESHOLD} were chosen looking at the development
 * half only. Usage: {@code ContentCheckerLoop CORPUS_DIR [seconds]}.
 */
public final class ContentCheckerLoop {
    record Item(String file, boolean spam, boolean saSpam, boolean dev, byte[] raw) {
    }

    static boolean developmentHalf(String file) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return (h[0] & 1) == 0;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Item> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("spamassassin-verdicts.tsv"));
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("file\t")) {
                continue;
            }
            String[] c = line.split("\t");
            items.add(new Item(c[0], c[1].equals("spam"), c[5].equals("spam"), developmentHalf(c[0]),
                    Files.readAllBytes(dir.resolve(c[0]))));
        }
        ContentChecker checker = ContentChecker.standard();
        Map<String, Double> scores = new HashMap<>();
        for (Item it : items) {
            scores.put(it.file(), checker.check(MessageContent.parse(it.raw()), Set.of()).spamScore());
        }
        // speed, one thread
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            for (Item it : items) {
                checker.check(MessageContent.parse(it.raw()), Set.of());
            }
        }
        long n = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (Item it : items) {
                ContentReport r = checker.check(MessageContent.parse(it.raw()), Set.of());
                if (r.spamScore() < -1) {
                    throw new IllegalStateException();
                }
                n++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long bytes = items.stream().mapToLong(i -> i.raw().length).sum();
        // per CPU-second too: on a shared machine the wall-clock rate measures the neighbours' load
        System.out.printf(Locale.ROOT, "template checker: %d corpus messages (avg %d bytes), 1 thread: %.0f messages/s "
                + "wall clock, %.0f messages per CPU-second (thread CPU time %.1f s of %.1f s)%n",
                items.size(), bytes / items.size(), n / secs, n / cpu, cpu, secs);

        for (String half : List.of("development", "held-out", "whole")) {
            List<Item> part = items.stream().filter(i -> half.equals("whole") || i.dev() == half.equals("development"))
                    .toList();
            System.out.printf(Locale.ROOT, "%s %s: %d messages (%d spam, %d ham, %d hard ham)%n", half,
                    half.equals("whole") ? "corpus" : "half", part.size(),
                    part.stream().filter(Item::spam).count(), part.stream().filter(i -> !i.spam()).count(),
                    part.stream().filter(i -> i.file().contains("hard_ham")).count());
            System.out.println("  threshold  precision  recall  (spam if spam score >= threshold)");
            for (double t = 1.0; t <= 3.01; t += 0.2) {
                print(part, scores, t, Math.abs(t - ContentReport.SPAM_THRESHOLD) < 1e-9 ? "  <- shipped threshold" : "");
            }
            if (Math.round(ContentReport.SPAM_THRESHOLD * 10) % 2 != 0) {
                print(part, scores, ContentReport.SPAM_THRESHOLD, "  <- shipped threshold");
            }
            long tp = part.stream().filter(i -> i.spam() && i.saSpam()).count();
            long fp = part.stream().filter(i -> !i.spam() && i.saSpam()).count();
            long fn = part.stream().filter(i -> i.spam() && !i.saSpam()).count();
            System.out.printf(Locale.ROOT, "  SpamAssassin 4.0 (recorded): precision %.3f recall %.3f%n",
                    tp / (double) (tp + fp), tp / (double) (tp + fn));
        }
    }

    static void print(List<Item> items, Map<String, Double> scores, double t, String note) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long hardFp = 0;
        for (Item it : items) {
            boolean flagged = scores.get(it.file()) >= t - 1e-9;
            if (flagged && it.spam()) {
                tp++;
            } else if (flagged) {
                fp++;
                if (it.file().contains("hard_ham")) {
                    hardFp++;
                }
            } else if (it.spam()) {
                fn++;
            }
        }
        System.out.printf(Locale.ROOT, "    %4.1f      %.3f      %.3f   (false positives %d, of them hard ham %d)%s%n", t,
                tp + fp == 0 ? 1.0 : tp / (double) (tp + fp), tp / (double) (tp + fn), fp, hardFp, note);
    }
}
