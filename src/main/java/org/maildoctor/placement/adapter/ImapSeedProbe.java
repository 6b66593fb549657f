package org.maildoctor.placement.adapter;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SubjectTerm;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.maildoctor.placement.PlacementToken;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedProbe;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.engage.FolderRoles;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.adapter.MailConnector;

/**
 * Looks into a seed over IMAP (Angus Mail): logs in, lists every folder with its SPECIAL-USE
 * attributes, and searches each one that counts for placement (read-only, server-side SEARCH for
 * our header or the token in the Subject). Each failure is named by its step.
 */
public final class ImapSeedProbe implements SeedProbe {
    private final MailConnector connector;
    private final Function<Seed, Secret> secrets;

    /** @param secrets opens a seed's stored secret; may throw {@link CredentialException} */
    public ImapSeedProbe(MailConnector connector, Function<Seed, Secret> secrets) {
        this.connector = connector;
        this.secrets = secrets;
    }

    @Override
    public Result look(Seed seed, String token) {
        InetAddress address;
        switch (connector.resolve(seed.imap().host())) {
            case MailConnector.Resolved r -> address = r.address();
            case MailConnector.Unreachable u -> {
                return new Failed(u.cause() == MailConnector.Cause.PRIVATE_ADDRESS ? ConnectionStep.TCP
                        : ConnectionStep.DNS, u.reason());
            }
        }
        Secret secret;
        try {
            secret = secrets.apply(seed);
        } catch (CredentialException e) {
            return new Failed(ConnectionStep.AUTH, e.getMessage());
        }
        Session session = connector.session(MailConnector.Protocol.IMAP, seed.imap(), address, AuthKind.PASSWORD);
        char[] pw = secret.reveal();
        try (Store store = session.getStore(MailConnector.Protocol.IMAP.name(seed.imap()))) {
            try {
                store.connect(MailConnector.connectHost(address), seed.imap().port(), seed.username(), new String(pw));
            } catch (AuthenticationFailedException e) {
                return new Failed(ConnectionStep.AUTH, "login refused: " + oneLine(e.getMessage()));
            } catch (MessagingException e) {
                return connectFailure(e, seed);
            }
            return search(store, token);
        } catch (MessagingException e) {
            return new Failed(ConnectionStep.FOLDERS, oneLine(e.getMessage()));
        } finally {
            Arrays.fill(pw, '\0');
            secret.wipe();
        }
    }

    private Result search(Store store, String token) throws MessagingException {
        Folder[] folders;
        try {
            folders = store.getDefaultFolder().list("*");
        } catch (MessagingException e) {
            return new Failed(ConnectionStep.FOLDERS, "cannot list folders: " + oneLine(e.getMessage()));
        }
        OrTerm term = new OrTerm(new HeaderTerm(PlacementToken.HEADER, token), new SubjectTerm(token));
        Optional<Found> best = Optional.empty();
        for (Folder f : folders) {
            List<String> attributes = f instanceof IMAPFolder imap ? Arrays.asList(imap.getAttributes()) : List.of();
            Optional<Placement> role = FolderRoles.classify(f.getFullName(), f.getSeparator(), attributes).placement();
            if (role.isEmpty() || (f.getType() & Folder.HOLDS_MESSAGES) == 0) {
                continue;
            }
            if (best.isPresent() && SeedProbe.rank(best.get().placement()) <= SeedProbe.rank(role.get())) {
                continue;
            }
            if (contains(f, term)) {
                best = Optional.of(new Found(f.getFullName(), role.get()));
            }
        }
        return best.<Result>map(x -> x).orElseGet(NotFound::new);
    }

    /** A folder that cannot be opened (no permission, vanished meanwhile) is skipped, not fatal. */
    private static boolean contains(Folder f, OrTerm term) {
        try {
            f.open(Folder.READ_ONLY);
            try {
                Message[] hits = f.search(term);
                return hits.length > 0;
            } finally {
                f.close(false);
            }
        } catch (MessagingException e) {
            return false;
        }
    }

    private static Failed connectFailure(MessagingException e, Seed seed) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException ssl) {
                return new Failed(ConnectionStep.TLS, "TLS with " + seed.imap().host() + " failed: " + oneLine(ssl.getMessage()));
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException) {
                return new Failed(ConnectionStep.TCP, "cannot connect to " + seed.imap().host() + ":" + seed.imap().port()
                        + ": " + oneLine(t.getMessage()));
            }
        }
        return new Failed(ConnectionStep.TCP, oneLine(e.getMessage()));
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    }
}
