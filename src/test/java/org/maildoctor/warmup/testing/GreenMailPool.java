package org.maildoctor.warmup.testing;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.adapter.MailConnector;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * A warm-up pool on one in-process GreenMail (SMTP + IMAP on loopback): mailboxes over several
 * domains, each domain with its provider's own junk folder name (Junk, Spam, Junk E-mail, Courrier
 * indésirable…) and a Promotions folder, and a delivery filter — the test's stand-in for a provider's
 * spam filter — that files each incoming message into the inbox, junk or the category folder.
 * {@code start(n)} creates {@code n} mailboxes named {@code first.last@domain}. Reused by the engine's
 * accelerated run.
 */
public final class GreenMailPool implements AutoCloseable {
    /** Where the filter files a message. */
    public enum Filing { INBOX, JUNK, CATEGORY }

    /** A domain of the pool: the junk folder name its (simulated) provider uses. */
    public record Domain(String name, MailboxProvider provider, String junkFolder) {
    }

    public static final List<Domain> DOMAINS = List.of(
            new Domain("alpha.test", MailboxProvider.GMAIL, "Spam"),
            new Domain("bravo.test", MailboxProvider.OUTLOOK_COM, "Junk E-mail"),
            new Domain("charlie.test", MailboxProvider.YAHOO, "Bulk Mail"),
            new Domain("delta.test", MailboxProvider.FASTMAIL, "Junk"),
            new Domain("echo.test", MailboxProvider.CUSTOM, "Courrier indésirable"));
    public static final String CATEGORY_FOLDER = "Promotions";
    public static final String HOST = "mail.pool.test";
    private static final String[] NAMES = {"ann", "ben", "cara", "dan", "eva", "finn", "gina", "hugo", "iris", "jon",
        "kate", "leo", "mia", "nils", "olga", "paul", "rita", "sam", "tara", "uwe"};

    private final GreenMail mail;
    private final List<WarmupAccount> accounts = new ArrayList<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private volatile BiFunction<MimeMessage, String, Filing> filter = (m, to) -> Filing.INBOX;
    private final AtomicInteger junked = new AtomicInteger();

    private GreenMailPool(GreenMail mail) {
        this.mail = mail;
    }

    /** Starts GreenMail on free ports and creates {@code mailboxes} mailboxes spread over {@link #DOMAINS}. */
    public static GreenMailPool start(int mailboxes) {
        GreenMail gm = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
            ServerSetupTest.IMAP.dynamicPort()});
        gm.start();
        GreenMailPool pool = new GreenMailPool(gm);
        gm.getUserManager().setMessageDeliveryHandler(pool::deliver);
        for (int i = 0; i < mailboxes; i++) {
            Domain d = DOMAINS.get(i % DOMAINS.size());
            String local = NAMES[i % NAMES.length] + (i >= NAMES.length ? Integer.toString(i / NAMES.length) : "")
                    + "." + d.name().substring(0, 1) + "lee";
            pool.add(local + "@" + d.name(), d);
        }
        return pool;
    }

    private void add(String address, Domain d) {
        String password = "pw-" + Integer.toHexString(address.hashCode());
        GreenMailUser user = mail.setUser(address, address, password);
        try {
            ImapHostManager host = mail.getManagers().getImapHostManager();
            host.createMailbox(user, d.junkFolder());
            host.createMailbox(user, CATEGORY_FOLDER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        passwords.put(address, password);
        accounts.add(new WarmupAccount(accounts.size() + 1, address, d.provider(),
                new Endpoint(HOST, mail.getSmtp().getPort(), TlsMode.NONE),
                new Endpoint(HOST, mail.getImap().getPort(), TlsMode.NONE), address, AuthKind.PASSWORD, Instant.EPOCH));
    }

    public List<WarmupAccount> accounts() {
        return List.copyOf(accounts);
    }

    public WarmupAccount account(String address) {
        return accounts.stream().filter(a -> a.address().equals(address)).findFirst().orElseThrow();
    }

    public Domain domainOf(String address) {
        String d = address.substring(address.indexOf('@') + 1);
        return DOMAINS.stream().filter(x -> x.name().equals(d)).findFirst().orElseThrow();
    }

    /** The account as it would be with another password (or token) stored. */
    public Credentials credentials() {
        return account -> new Secret(Objects.requireNonNull(passwords.get(account.address()),
                "no such pool mailbox").toCharArray());
    }

    /** Resolves {@link #HOST} to loopback and allows it, as tests must. */
    public MailConnector connector() {
        return new MailConnector(FakeZone.builder().a(HOST, "127.0.0.1").build(), true, Duration.ofSeconds(5));
    }

    /** The filter deciding where each delivered message goes ({@code to} is the recipient address). */
    public void filter(BiFunction<MimeMessage, String, Filing> filter) {
        this.filter = filter;
    }

    /** Files a warm-up message into junk when {@code junkShare} of its tokens hash there: a stable spam filter. */
    public static BiFunction<MimeMessage, String, Filing> junkShare(double share) {
        return (m, to) -> {
            try {
                String token = m.getHeader(WarmupMessage.TOKEN_HEADER, null);
                if (token == null) {
                    return Filing.INBOX;
                }
                double h = (token.hashCode() & 0x7fffffff) / (double) Integer.MAX_VALUE;
                return h < share ? Filing.JUNK : Filing.INBOX;
            } catch (MessagingException e) {
                return Filing.INBOX;
            }
        };
    }

    public int junked() {
        return junked.get();
    }

    public GreenMail greenMail() {
        return mail;
    }

    /** A folder of a mailbox, server side (no IMAP): for assertions and for changing things mid-run. */
    public MailFolder folder(String address, String folder) {
        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
        ImapHostManager host = mail.getManagers().getImapHostManager();
        try {
            return folder.equalsIgnoreCase("INBOX") ? host.getInbox(user) : host.getFolder(user, folder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void deleteFolder(String address, String folder) {
        GreenMailUser user = mail.getUserManager().getUserByEmail(address);
        try {
            mail.getManagers().getImapHostManager().deleteMailbox(user, folder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private GreenMailUser deliver(MovingMessage message, com.icegreen.greenmail.mail.MailAddress to)
            throws MessagingException, UserException {
        GreenMailUser user = mail.getUserManager().getUserByEmail(to.getEmail());
        if (user == null) {
            throw new UserException("no such mailbox " + to.getEmail());
        }
        Filing filing = filter.apply(message.getMessage(), to.getEmail());
        if (filing == Filing.INBOX) {
            return user;
        }
        String name = filing == Filing.JUNK ? domainOf(to.getEmail()).junkFolder() : CATEGORY_FOLDER;
        try {
            folder(to.getEmail(), name).store(message);
        } catch (Exception e) {
            throw new MessagingException("filing into " + name + " failed", e);
        }
        if (filing == Filing.JUNK) {
            junked.incrementAndGet();
        }
        return new Filed(user);
    }

    /** The user after the filter filed the message: GreenMail's own inbox delivery is skipped. */
    private record Filed(GreenMailUser user) implements GreenMailUser {
        @Override
        public String getEmail() {
            return user.getEmail();
        }

        @Override
        public String getLogin() {
            return user.getLogin();
        }

        @Override
        public void deliver(MovingMessage msg) {
            // already filed by the filter
        }

        @Override
        public void deliver(MimeMessage msg) {
            // already filed by the filter
        }

        @Override
        public void create() {
            user.create();
        }

        @Override
        public void delete() {
            user.delete();
        }

        @Override
        public String getPassword() {
            return user.getPassword();
        }

        @Override
        public void setPassword(String password) {
            user.setPassword(password);
        }

        @Override
        public void authenticate(String password) throws UserException {
            user.authenticate(password);
        }

        @Override
        public String getQualifiedMailboxName() {
            return user.getQualifiedMailboxName();
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
