package org.maildoctor.placement;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.maildoctor.warmup.engage.Placement;

/**
 * What an IMAP folder means for placement. RFC 6154 SPECIAL-USE attributes win; without them the
 * name decides (providers' spam folders in several languages, Gmail-style category folders).
 * Folders that only mirror others (Gmail's All Mail, Important, Starred) or hold our own mail
 * (Sent, Drafts) are not searched: a hit there says nothing about placement.
 */
public final class FolderRoles {
    private static final Set<String> SKIP = Set.of("\\all", "\\sent", "\\drafts", "\\flagged", "\\important",
            "\\noselect", "\\nonexistent");
    private static final Pattern SPAM = Pattern.compile(
            "(^|[/.\\]])\\s*(junk|spam|bulk|bulk mail|junk e-?mail|spamverdacht|courrier ind[ée]sirable|"
                    + "correo no deseado|posta indesiderata|ongewenste e-?mail|skr[aä]ppost)\\s*$");
    private static final Pattern CATEGORY = Pattern.compile(
            "(^|[/.\\]])\\s*(promotions?|updates|social|forums|newsletters?)\\s*$");
    private static final Pattern MIRROR = Pattern.compile(
            "(^|[/.\\]])\\s*(all mail|important|starred|sent|sent items|sent mail|drafts)\\s*$");

    private FolderRoles() {
    }

    /**
     * @param fullName   the folder's full name as the server lists it
     * @param attributes its LIST attributes (e.g. {@code \Junk}, {@code \HasNoChildren})
     * @return where a message found there counts, or empty when the folder is not searched
     */
    public static Optional<Placement> classify(String fullName, Collection<String> attributes) {
        boolean junk = false;
        for (String a : attributes) {
            String attr = a.toLowerCase(Locale.ROOT);
            if (SKIP.contains(attr)) {
                return Optional.empty();
            }
            junk |= attr.equals("\\junk");
        }
        if (junk) {
            return Optional.of(Placement.SPAM);
        }
        String name = fullName.strip().toLowerCase(Locale.ROOT);
        if (name.equals("inbox")) {
            return Optional.of(Placement.INBOX);
        }
        if (SPAM.matcher(name).find()) {
            return Optional.of(Placement.SPAM);
        }
        if (MIRROR.matcher(name).find()) {
            return Optional.empty();
        }
        if (CATEGORY.matcher(name).find()) {
            return Optional.of(Placement.CATEGORY);
        }
        return Optional.of(Placement.OTHER);
    }

    /** When a message shows up in more than one folder, the most telling one is reported. */
    public static int rank(Placement p) {
        return switch (p) {
            case SPAM -> 0;
            case INBOX -> 1;
            case CATEGORY -> 2;
            case OTHER -> 3;
            case MISSING -> 4;
        };
    }
}
