package org.maildoctor.placement;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The unique mark of one placement test. We put it in a header of the message we send; a user who
 * sends the message themselves puts it in the Subject. Either is searched for on the seeds.
 */
public final class PlacementToken {
    /** The header the tool adds to the message it sends. */
    public static final String HEADER = "X-Maildoctor-Placement";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final Pattern SHAPE = Pattern.compile("mdp-[a-z0-9]{12}");

    private PlacementToken() {
    }

    public static String generate(RandomGenerator random) {
        StringBuilder b = new StringBuilder("mdp-");
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The token, lower-cased; an {@link IllegalArgumentException} for anything else. */
    public static String parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(t).matches()) {
            throw new IllegalArgumentException("not a placement token: '" + text + "' (expected mdp- and 12 letters/digits)");
        }
        return t;
    }

    /**
     * The raw message with our header in front. A new header at the top leaves existing DKIM
     * signatures valid (they do not list it), so the seeds judge the message as it was.
     */
    public static byte[] stamp(byte[] message, String token) {
        byte[] header = (HEADER + ": " + token + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + message.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(message, 0, out, header.length, message.length);
        return out;
    }
}
