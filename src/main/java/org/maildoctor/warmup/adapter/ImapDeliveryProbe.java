package org.maildoctor.warmup.adapter;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.MessageIDTerm;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engine.DeliveryProbe;

/**
 * Searches every selectable folder of a receiving mailbox for a Message-ID (IMAP SEARCH HEADER), for
 * the engine's reconciliation of an interrupted send. Any doubt — login refused, a folder that cannot
 * be opened or searched — is UNKNOWN, never ABSENT, because ABSENT leads to sending again.
 */
public final class ImapDeliveryProbe implements DeliveryProbe {
    private final MailConnector connector;
    private final Credentials credentials;

    public ImapDeliveryProbe(MailConnector connector, Credentials credentials) {
        this.connector = connector;
        this.credentials = credentials;
    }

    @Override
    public Presence find(WarmupAccount recipient, String messageId) {
        Store store;
        switch (ImapLogin.login(connector, credentials, recipient)) {
            case ImapLogin.LoggedIn in -> store = in.store();
            case ImapLogin.Refused r -> {
                return Presence.UNKNOWN;
            }
        }
        try {
            for (Folder f : store.getDefaultFolder().list("*")) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                f.open(Folder.READ_ONLY);
                try {
                    if (f.search(new MessageIDTerm(messageId)).length > 0) {
                        return Presence.FOUND;
                    }
                } finally {
                    f.close(false);
                }
            }
            return Presence.ABSENT;
        } catch (MessagingException | RuntimeException e) {
            return Presence.UNKNOWN;
        } finally {
            ImapLogin.close(store);
        }
    }
}
