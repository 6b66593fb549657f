package org.maildoctor.warmup.adapter;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.WarmupAccount;

/**
 * Waits for new mail in a folder of a receiving mailbox so the engine can start an engagement pass
 * as soon as warm-up mail arrives: IMAP IDLE (RFC 2177) where the server offers it, polling otherwise.
 * IDLE is broken into slices shorter than the read timeout (a silent IDLE would otherwise time the
 * socket out) by touching the folder from a timer thread, which makes Angus end the IDLE with DONE.
 */
public final class ImapWatcher {
    public enum Mode { IDLE, POLLING }

    /** {@code arrived}: new messages came before the deadline. {@code failure}: null unless the watch failed. */
    public record WatchResult(boolean arrived, Mode mode, String failure, boolean accountFailed) {
    }

    private final MailConnector connector;
    private final Credentials credentials;
    private final Duration pollInterval;
    private final boolean useIdle;

    /** @param useIdle false to poll even where IDLE is offered (some servers' IDLE is unreliable) */
    public ImapWatcher(MailConnector connector, Credentials credentials, Duration pollInterval, boolean useIdle) {
        this.connector = connector;
        this.credentials = credentials;
        this.pollInterval = pollInterval;
        this.useIdle = useIdle;
    }

    /** Returns when {@code folder} holds more messages than when the watch began, or after {@code maxWait}. */
    public WatchResult await(WarmupAccount account, String folderName, Duration maxWait) {
        Store store;
        switch (ImapLogin.login(connector, credentials, account)) {
            case ImapLogin.LoggedIn in -> store = in.store();
            case ImapLogin.Refused r -> {
                return new WatchResult(false, Mode.POLLING, r.reason(), r.accountFailed());
            }
        }
        Mode mode = Mode.POLLING;
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (useIdle && store instanceof IMAPStore s && s.hasCapability("IDLE")) {
                mode = Mode.IDLE;
            }
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            int before = folder.getMessageCount();
            boolean arrived = mode == Mode.IDLE ? idle((IMAPFolder) folder, before, deadline)
                    : poll(folder, before, deadline);
            return new WatchResult(arrived, mode, null, false);
        } catch (MessagingException e) {
            return new WatchResult(false, mode, "IMAP watch failed: " + SmtpOutbox.oneLine(e.getMessage()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WatchResult(false, mode, "interrupted", false);
        } catch (RuntimeException e) {
            return new WatchResult(false, mode, "IMAP watch failed: " + e.getClass().getSimpleName() + ": "
                    + SmtpOutbox.oneLine(e.getMessage()), false);
        } finally {
            ImapLogin.close(store);
        }
    }

    private boolean poll(Folder folder, int before, long deadline) throws MessagingException, InterruptedException {
        while (true) {
            // getMessageCount on an open folder sends NOOP, which brings the server's EXISTS
            if (folder.getMessageCount() > before) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), pollInterval.toMillis())));
        }
    }

    private boolean idle(IMAPFolder folder, int before, long deadline) throws MessagingException {
        long slice = Math.max(100, connector.timeout().toMillis() / 2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imap-idle-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            while (true) {
                if (folder.getMessageCount() > before) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                ScheduledFuture<?> stop = timer.schedule(() -> touch(folder), Math.min(left, slice),
                        TimeUnit.MILLISECONDS);
                folder.idle(true);
                stop.cancel(false);
            }
        } finally {
            timer.shutdownNow();
        }
    }

    /** Any folder command from another thread ends Angus's IDLE (it sends DONE first). */
    private static void touch(IMAPFolder folder) {
        try {
            folder.getMessageCount();
        } catch (MessagingException | RuntimeException ignored) {
            // the watching thread sees the same trouble and reports it
        }
    }
}
