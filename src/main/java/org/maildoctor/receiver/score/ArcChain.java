package org.maildoctor.receiver.score;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.content.MessageContent;

/** The structural part of ARC chain validation (RFC 8617 section 5.2, steps 1 to 3). Pure. */
public final class ArcChain {
    /** RFC 8617 4.2.1: more than 50 sets is a fail. */
    static final int MAX_INSTANCES = 50;
    private static final Pattern INSTANCE = Pattern.compile("(?:^|;)\\s*i\\s*=\\s*(\\d+)\\s*(?:;|$)");
    private static final Pattern CV = Pattern.compile("(?:^|;)\\s*cv\\s*=\\s*([a-zA-Z]+)\\s*(?:;|$)");

    private ArcChain() {
    }

    public static ArcResult validate(MessageContent m) {
        Map<Integer, int[]> sets = new HashMap<>(); // instance -> counts of AS, AMS, AAR
        Map<Integer, String> cvs = new HashMap<>();
        int highest = 0;
        String[] names = {"ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results"};
        for (int k = 0; k < names.length; k++) {
            for (String v : m.all(names[k])) {
                Matcher im = (k == 2 ? Pattern.compile("^\\s*i\\s*=\\s*(\\d+)\\s*;") : INSTANCE).matcher(v);
                if (!im.find()) {
                    return fail(0, names[k] + " without a valid i= tag");
                }
                int i;
                try {
                    i = Integer.parseInt(im.group(1));
                } catch (NumberFormatException e) {
                    return fail(0, names[k] + " with an out-of-range i=");
                }
                if (i < 1 || i > MAX_INSTANCES) {
                    return fail(i, "instance i=" + i + " outside 1-" + MAX_INSTANCES);
                }
                sets.computeIfAbsent(i, x -> new int[3])[k]++;
                highest = Math.max(highest, i);
                if (k == 0) {
                    Matcher cm = CV.matcher(v);
                    cvs.put(i, cm.find() ? cm.group(1).toLowerCase(Locale.ROOT) : "");
                }
            }
        }
        if (sets.isEmpty()) {
            return new ArcResult(ArcResult.Verdict.NONE, 0, "", "the message carries no ARC headers");
        }
        for (int i = 1; i <= highest; i++) {
            int[] c = sets.get(i);
            if (c == null || c[0] != 1 || c[1] != 1 || c[2] != 1) {
                return fail(highest, "ARC set i=" + i + " is incomplete or duplicated (each instance needs exactly "
                        + "one ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results)");
            }
            String cv = cvs.get(i);
            if (i == 1 && !cv.equals("none")) {
                return fail(highest, "ARC-Seal i=1 has cv=" + cv + ", RFC 8617 requires cv=none");
            }
            if (i > 1 && !cv.equals("pass")) {
                return fail(highest, "ARC-Seal i=" + i + " has cv=" + cv + "; the chain was already broken");
            }
        }
        return new ArcResult(ArcResult.Verdict.NOT_EVALUATED, highest, cvs.get(highest), "the ARC chain of "
                + highest + " set(s) is structurally valid; its signatures were not verified (not implemented)");
    }

    private static ArcResult fail(int instances, String why) {
        return new ArcResult(ArcResult.Verdict.FAIL, instances, "", why + " (RFC 8617 5.2)");
    }

    static List<String> headerNames() {
        return List.of("ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results");
    }
}
