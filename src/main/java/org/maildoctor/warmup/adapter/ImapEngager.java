package org.maildoctor.warmup.adapter;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engage.AuthenticationResults;
import org.maildoctor.warmup.engage.FolderRole;
import org.maildoctor.warmup.engage.FolderRoles;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engine.Engager;
import org.maildoctor.warmup.engine.Outbox;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.Seeds;
import org.maildoctor.warmup.network.WarmupMarker;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * One engagement pass over a receiving mailbox through IMAP (Angus Mail). Folders are classified by
 * {@link FolderRoles}; the inbox, junk, category, archive and user folders are searched for warm-up mail
 * (the token header, or the body token when a provider stripped the header). For each message not yet
 * engaged (not \Seen; in junk always): the placement is observed, \Seen and \Flagged are set, a message
 * in junk is moved to the inbox (MOVE when the server has it, else COPY + delete), and with the policy's
 * probability a reply goes out in its thread through the {@link Outbox}. Messages whose Date is older
 * than the policy's days are deleted (UID EXPUNGE with UIDPLUS, so the user's own deleted mail is left
 * alone). The message is marked \Seen before the reply is sent: a pass cut short never replies twice.
 *
 * <p>Nothing escapes as an exception: a failed login or a lost connection ends the pass with a
 * {@code failure}; a vanished folder, a message deleted mid-run or a refused rescue (over quota) is a
 * warning and the pass goes on.
 */
public final class ImapEngager implements Engager {
    /** Replies stop once a thread has this many messages, as people's threads do. */
    static final int MAX_THREAD = 6;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_BODY_CHARS = 20_000;

    private final MailConnector connector;
    private final Credentials credentials;
    private final Outbox outbox;
    private final MessageComposer composer;
    private final long seed;
    private volatile Checkpoint checkpoint = (where, folder) -> { };

    /** Called as a pass reaches a step: lets tests delete a folder or drop the server at that moment. */
    @FunctionalInterface
    interface Checkpoint {
        void reached(String step, String folder);
    }

    void checkpoint(Checkpoint c) {
        this.checkpoint = c;
    }

    /** {@code seed}: with the mailbox and the pass's time, decides replies and their text, so a run can be replayed. */
    public ImapEngager(MailConnector connector, Credentials credentials, Outbox outbox, MessageComposer composer,
                       long seed) {
        this.connector = connector;
        this.credentials = credentials;
        this.outbox = outbox;
        this.composer = composer;
        this.seed = seed;
    }

    @Override
    public EngagementResult engage(WarmupAccount mailbox, EngagementPolicy policy, Instant now) {
        Pass pass = new Pass(mailbox, policy, now,
                new SplittableRandom(Seeds.of(seed, mailbox.id(), now.toEpochMilli())));
        Store store;
        switch (ImapLogin.login(connector, credentials, mailbox)) {
            case ImapLogin.LoggedIn in -> store = in.store();
            case ImapLogin.Refused r -> {
                return new EngagementResult(List.of(), 0, r.reason(), r.accountFailed(), List.of());
            }
        }
        try {
            pass.run(store);
            return pass.result(null);
        } catch (FolderClosedException | StoreClosedException e) {
            return pass.result("IMAP connection lost: " + SmtpOutbox.oneLine(e.getMessage()));
        } catch (MessagingException e) {
            return pass.result("IMAP error: " + SmtpOutbox.oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return pass.result("IMAP error: " + e.getClass().getSimpleName() + ": " + SmtpOutbox.oneLine(e.getMessage()));
        } finally {
            ImapLogin.close(store);
        }
    }

    /** One scanned folder and what it is for. */
    private record Scan(Folder folder, FolderRole role) {
    }

    private final class Pass {
        final WarmupAccount mailbox;
        final EngagementPolicy policy;
        final Instant now;
        final SplittableRandom random;
        final List<Observation> observations = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int cleaned;

        Pass(WarmupAccount mailbox, EngagementPolicy policy, Instant now, SplittableRandom random) {
            this.mailbox = mailbox;
            this.policy = policy;
            this.now = now;
            this.random = random;
        }

        EngagementResult result(String failure) {
            return new EngagementResult(observations, cleaned, failure, false, warnings);
        }

        void run(Store store) throws MessagingException {
            List<Scan> scans = new ArrayList<>();
            for (Folder f : store.getDefaultFolder().list("*")) {
                List<String> attributes = f instanceof IMAPFolder i ? Arrays.asList(i.getAttributes()) : List.of();
                FolderRole role = FolderRoles.classify(f.getFullName(), f.getSeparator(), attributes);
                if (role.scanned()) {
                    scans.add(new Scan(f, role));
                }
            }
            // the inbox first, then junk (rescued mail lands in the inbox already engaged), then the rest
            scans.sort(Comparator.comparingInt(s -> s.role().ordinal()));
            Folder inbox = store.getFolder("INBOX");
            boolean canMove = store instanceof IMAPStore s && s.hasCapability("MOVE");
            boolean uidPlus = store instanceof IMAPStore s && s.hasCapability("UIDPLUS");
            for (Scan scan : scans) {
                scanFolder(scan, inbox, canMove, uidPlus);
            }
        }

        private void scanFolder(Scan scan, Folder inbox, boolean canMove, boolean uidPlus) throws MessagingException {
            Folder folder = scan.folder();
            checkpoint.reached("open", folder.getFullName());
            try {
                folder.open(Folder.READ_WRITE);
            } catch (FolderNotFoundException e) {
                warnings.add("folder " + folder.getFullName() + " disappeared during the pass");
                return;
            } catch (FolderClosedException | StoreClosedException e) {
                throw e;
            } catch (MessagingException e) {
                if (!folder.getStore().isConnected()) {
                    throw new StoreClosedException(folder.getStore(), e.getMessage());
                }
                if (!folder.exists()) {
                    warnings.add("folder " + folder.getFullName() + " disappeared during the pass");
                    return;
                }
                warnings.add("cannot open folder " + folder.getFullName() + ": " + SmtpOutbox.oneLine(e.getMessage()));
                return;
            }
            try {
                Message[] found = folder.search(warmupSearch());
                FetchProfile fp = new FetchProfile();
                fp.add(FetchProfile.Item.ENVELOPE);
                fp.add(FetchProfile.Item.FLAGS);
                fp.add(WarmupMessage.TOKEN_HEADER);
                fp.add("References");
                fp.add("Authentication-Results");
                folder.fetch(found, fp);
                checkpoint.reached("fetched", folder.getFullName());
                List<Message> expunge = new ArrayList<>();
                for (Message m : found) {
                    try {
                        engageOne(scan, m, inbox, canMove, expunge);
                    } catch (MessageRemovedException e) {
                        warnings.add("a message in " + folder.getFullName() + " was deleted during the pass");
                    } catch (FolderClosedException | StoreClosedException e) {
                        throw e;
                    } catch (MessagingException | IOException e) {
                        if (!folder.isOpen() || !folder.getStore().isConnected()) {
                            throw new FolderClosedException(folder, e.getMessage());
                        }
                        warnings.add("message in " + folder.getFullName() + " skipped: " + SmtpOutbox.oneLine(e.getMessage()));
                    }
                }
                expunge(folder, expunge, uidPlus);
            } finally {
                if (folder.isOpen()) {
                    try {
                        folder.close(false);
                    } catch (MessagingException ignored) {
                        // closing without expunge: nothing of ours is lost if it fails
                    }
                }
            }
        }

        private void engageOne(Scan scan, Message m, Folder inbox, boolean canMove, List<Message> expunge)
                throws MessagingException, IOException {
            String header = first(m.getHeader(WarmupMessage.TOKEN_HEADER));
            Optional<String> token = WarmupMarker.recognise(header, header == null ? text(m) : null);
            if (token.isEmpty()) {
                return;
            }
            if (m.isSet(Flags.Flag.DELETED)) {
                return;
            }
            java.util.Date sent = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
            if (sent != null && sent.toInstant().isBefore(now.minus(Duration.ofDays(policy.deleteAfterDays())))) {
                m.setFlag(Flags.Flag.DELETED, true);
                expunge.add(m);
                cleaned++;
                return;
            }
            boolean junk = scan.role() == FolderRole.JUNK;
            if (m.isSet(Flags.Flag.SEEN) && !junk) {
                return;
            }
            String from = sender(m);
            String messageId = m instanceof jakarta.mail.internet.MimeMessage mm ? mm.getMessageID() : null;
            Boolean authPassed = Optional.ofNullable(first(m.getHeader("Authentication-Results")))
                    .flatMap(v -> AuthenticationResults.parse(v).passed()).orElse(null);
            // everything the reply needs is read before a rescue moves the message away
            MessageComposer.Parent parent = wantsReply(from) ? parent(m, from, messageId) : null;
            Flags engaged = new Flags(Flags.Flag.SEEN);
            engaged.add(Flags.Flag.FLAGGED);
            m.setFlags(engaged, true);
            if (m.isExpunged()) {
                // the server reported it gone with the STORE reply (another client deleted it)
                throw new MessageRemovedException("expunged by another client");
            }
            boolean rescued = junk && rescue(scan.folder(), m, inbox, canMove, expunge);
            boolean replied = parent != null && reply(parent);
            observations.add(new Observation(token.get(), messageId, from, scan.folder().getFullName(),
                    scan.role().placement().orElseThrow(), rescued, replied, authPassed, now));
        }

        private boolean rescue(Folder junk, Message m, Folder inbox, boolean canMove, List<Message> expunge)
                throws MessagingException {
            try {
                if (canMove && junk instanceof IMAPFolder imap) {
                    imap.moveMessages(new Message[] {m}, inbox);
                } else {
                    junk.copyMessages(new Message[] {m}, inbox);
                    m.setFlag(Flags.Flag.DELETED, true);
                    expunge.add(m);
                }
                return true;
            } catch (FolderClosedException | StoreClosedException | MessageRemovedException e) {
                throw e;
            } catch (MessagingException e) {
                // e.g. NO [OVERQUOTA]: the placement still counts, the message stays where it is
                warnings.add("could not move a message from " + junk.getFullName() + " to the inbox: "
                        + SmtpOutbox.oneLine(e.getMessage()));
                return false;
            }
        }

        private boolean wantsReply(String from) {
            return from != null && !from.equalsIgnoreCase(mailbox.address())
                    && random.nextDouble() < policy.replyProbability();
        }

        /** The parent of a reply, or null when the thread is long enough already. */
        private MessageComposer.Parent parent(Message m, String from, String messageId)
                throws MessagingException, IOException {
            List<String> refs = ids(first(m.getHeader("References")));
            if (refs.size() + 1 >= MAX_THREAD) {
                return null;
            }
            java.util.Date sent = m.getSentDate();
            return new MessageComposer.Parent(from, m.getSubject(), messageId, refs, text(m),
                    sent == null ? null : sent.toInstant().atZone(ZoneOffset.UTC));
        }

        private boolean reply(MessageComposer.Parent parent) {
            WarmupMessage reply = composer.reply(parent, mailbox.address(), random);
            Outbox.SendOutcome outcome = outbox.send(mailbox, reply);
            if (outcome.status() != Outbox.Status.ACCEPTED) {
                warnings.add("reply to " + parent.from() + " not sent: " + outcome.status() + " " + outcome.detail());
                return false;
            }
            return true;
        }

        private void expunge(Folder folder, List<Message> messages, boolean uidPlus) throws MessagingException {
            if (messages.isEmpty()) {
                return;
            }
            if (uidPlus && folder instanceof IMAPFolder imap) {
                imap.expunge(messages.toArray(Message[]::new));
            } else {
                // without UIDPLUS there is no expunge of chosen messages; this is what any client's
                // "compact folder" does, and the user's own \Deleted mail would go at the next close anyway
                folder.expunge();
            }
        }
    }

    private static SearchTerm warmupSearch() {
        // an empty HEADER string matches every message that has the field (RFC 3501 §6.4.4)
        return new OrTerm(new HeaderTerm(WarmupMessage.TOKEN_HEADER, ""), new BodyTerm(WarmupMarker.searchText()));
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String sender(Message m) throws MessagingException {
        var from = m.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : null;
    }

    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            Matcher mm = MESSAGE_ID.matcher(header);
            while (mm.find()) {
                out.add(mm.group());
            }
        }
        return out;
    }

    /** The first text/plain part, capped: warm-up bodies are short and a huge one is not ours. */
    static String text(Part p) throws MessagingException, IOException {
        if (p.isMimeType("text/plain")) {
            Object c = p.getContent();
            String s = c instanceof String str ? str : "";
            return s.length() > MAX_BODY_CHARS ? s.substring(0, MAX_BODY_CHARS) : s;
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String t = text(mp.getBodyPart(i));
                if (!t.isEmpty()) {
                    return t;
                }
            }
        }
        return "";
    }
}
