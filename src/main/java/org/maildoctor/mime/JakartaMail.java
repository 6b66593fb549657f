package org.maildoctor.mime;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * The one place that makes Jakarta Mail sessions for parsing (no transport), shared by the bounce
 * decoder and the template checker.
 *
 * <p>Jakarta Mail 2.1 looks its {@code StreamProvider} up with a fresh {@code ServiceLoader} (a scan
 * of every jar's META-INF/services) each time it builds headers, a multipart or a decoder, i.e.
 * several times per message: that scan was most of the parse time of a bounce and 15 % of the
 * receiver's CPU per message (jakartaee/mail-api#699, #861; fixed only in 2.2). The API's own
 * FactoryFinder reads this system property first, so naming the provider the ServiceLoader would
 * find anyway (Angus Mail's, the only one on the class path) skips the scan and changes nothing
 * else. An explicit setting wins.
 */
public final class JakartaMail {
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        nameStreamProvider();
    }

    /**
     * Sets the property now (it is set once, when this class is first used): for code that uses Jakarta Mail's
     * decoders before it makes a session.
     */
    public static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private JakartaMail() {
    }

    /** A session with these {@code mail.mime.*} properties, the provider scan switched off first. */
    public static Session parsingSession(Properties properties) {
        return Session.getInstance(properties);
    }
}
