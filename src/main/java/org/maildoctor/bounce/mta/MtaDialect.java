package org.maildoctor.bounce.mta;

import java.util.List;
import org.maildoctor.bounce.mime.Mail;

/**
 * One bounce format: a product's free-form notice, or a standard (RFC 3464, RFC 5965, RFC 3834).
 * {@link #matches} is a cheap look at headers and markers; {@link #decode} does the reading and may
 * still return nothing, in which case the registry asks the next dialect. Adding an MTA means
 * adding one implementation and one line in {@link Dialects}.
 */
public interface MtaDialect {

    /** The name reported in results, e.g. {@code Exim}, {@code RFC3464}. */
    String name();

    boolean matches(Mail mail);

    List<Finding> decode(Mail mail);
}
