package org.maildoctor.audit.rdns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises PTR names that look assigned by an access provider rather than chosen for a mail
 * server — the kind receivers and policy blocklists (e.g. Spamhaus PBL) treat as "dynamic": the
 * address embedded in the name, or words such as dynamic, dhcp, pool, dsl, cable.
 */
public final class GenericPtrNames {
    private static final Pattern WORDS = Pattern.compile(
            "(^|[.\\-_\\d])(dyn|dynamic|dhcp|pool|dsl|adsl|vdsl|xdsl|cable|ppp|pppoe|dial|dialup|client|"
                    + "broadband|customer|cust|subscriber|residential|home|user|unassigned|nat)([.\\-_\\d]|$)");

    private GenericPtrNames() {
    }

    /** Why {@code ptrName} looks generic for {@code address}, or empty when it looks deliberately named. */
    public static Optional<String> why(String ptrName, InetAddress address) {
        String name = ptrName.toLowerCase(Locale.ROOT);
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int[] o = {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff};
            for (String sep : new String[] {"-", ".", "_"}) {
                String forward = o[0] + sep + o[1] + sep + o[2] + sep + o[3];
                String reverse = o[3] + sep + o[2] + sep + o[1] + sep + o[0];
                if (containsToken(name, forward) || containsToken(name, reverse)) {
                    return Optional.of("the name contains the address itself (" + address.getHostAddress() + ")");
                }
            }
        }
        var m = WORDS.matcher(name);
        if (m.find()) {
            return Optional.of("the name contains \"" + m.group(2) + "\", a word access providers use for "
                    + "customer lines");
        }
        return Optional.empty();
    }

    private static boolean containsToken(String name, String token) {
        int i = name.indexOf(token);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isDigit(name.charAt(i - 1));
            int end = i + token.length();
            boolean endOk = end == name.length() || !Character.isDigit(name.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            i = name.indexOf(token, i + 1);
        }
        return false;
    }
}
