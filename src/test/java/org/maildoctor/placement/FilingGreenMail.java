package org.maildoctor.placement;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail (in-process SMTP + IMAP) whose delivery runs a per-mailbox filter, as a provider's
 * spam filter or a user's rule would: mail for a filtered mailbox lands in the named folder
 * ("Junk", "Promotions") instead of INBOX, or is dropped (never arrives).
 */
public final class FilingGreenMail implements AutoCloseable {
    public static final String DROP = "(drop)";

    private final GreenMail mail = new GreenMail(new ServerSetup[] {
        ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
    private final Map<String, String> fileInto = new ConcurrentHashMap<>();

    public FilingGreenMail() {
        mail.start();
        UserManager users = mail.getUserManager();
        MessageDeliveryHandler normal = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((msg, to) -> {
            GreenMailUser user = normal.handle(msg, to);
            String folder = fileInto.get(to.getEmail().toLowerCase(java.util.Locale.ROOT));
            return folder == null ? user : filing(user, folder);
        });
    }

    public void user(String address, String password) {
        mail.setUser(address, address, password);
    }

    /** Mail for {@code address} goes into {@code folder} (created now), or nowhere with {@link #DROP}. */
    public void fileInto(String address, String folder) throws Exception {
        if (!folder.equals(DROP)) {
            GreenMailUser u = mail.getUserManager().getUserByEmail(address);
            mail.getManagers().getImapHostManager().createMailbox(u, folder);
        }
        fileInto.put(address.toLowerCase(java.util.Locale.ROOT), folder);
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    private GreenMailUser filing(GreenMailUser user, String folder) {
        return (GreenMailUser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {GreenMailUser.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("deliver") && args.length == 1 && args[0] instanceof MovingMessage m) {
                        if (!folder.equals(DROP)) {
                            MailFolder f = mail.getManagers().getImapHostManager().getFolder(user, folder);
                            f.store(m);
                        }
                        return null;
                    }
                    return method.invoke(user, args);
                });
    }

    @Override
    public void close() {
        mail.stop();
    }
}
