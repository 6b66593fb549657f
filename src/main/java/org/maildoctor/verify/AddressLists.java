package org.maildoctor.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The classification lists (sources and licences in {@code data/SOURCES.md}): disposable domains,
 * free mailbox providers, role local parts. Pure lookups over sets read once from the classpath.
 */
public final class AddressLists {
    private static volatile AddressLists standard;

    private final Set<String> disposable;
    private final Set<String> free;
    private final Set<String> roles;

    public AddressLists(Set<String> disposable, Set<String> free, Set<String> roles) {
        this.disposable = Set.copyOf(disposable);
        this.free = Set.copyOf(free);
        this.roles = Set.copyOf(roles);
    }

    public static AddressLists standard() {
        AddressLists s = standard;
        if (s == null) {
            synchronized (AddressLists.class) {
                if (standard == null) {
                    standard = new AddressLists(read("data/disposable-domains.txt"), read("data/free-providers.txt"),
                            read("data/role-local-parts.txt"));
                }
                s = standard;
            }
        }
        return s;
    }

    /**
     * The domain or any parent of it is listed: the list holds registrable domains, and disposable
     * services hand out subdomains ({@code x.mailinator.com}) too.
     */
    public boolean isDisposable(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (disposable.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }

    public boolean isFree(String domain) {
        return free.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** The local part without a {@code +tag} subaddress names a role. */
    public boolean isRole(String localPart) {
        String l = localPart.toLowerCase(Locale.ROOT);
        int plus = l.indexOf('+');
        if (plus > 0) {
            l = l.substring(0, plus);
        }
        return roles.contains(l);
    }

    /** Disposable, role and free flags of a syntactically valid address. */
    public Set<Flag> flags(AddressSyntax.Parsed address) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (isDisposable(address.domain())) {
            flags.add(Flag.DISPOSABLE);
        } else if (isFree(address.domain())) {
            // the lists overlap on a few domains; disposable wins (see the data README)
            flags.add(Flag.FREE);
        }
        if (isRole(address.localPart())) {
            flags.add(Flag.ROLE);
        }
        return flags;
    }

    static Set<String> read(String resource) {
        return new HashSet<>(readLines(resource));
    }

    /** Non-blank, non-comment lines, lower-cased, in file order. */
    static List<String> readLines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = AddressLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
