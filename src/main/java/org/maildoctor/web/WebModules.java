package org.maildoctor.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The module list {@code maildoctor serve} starts with. When a capability ships its own module,
 * replace its placeholder here (keeping the order, which is the navigation order).
 */
public final class WebModules {
    private WebModules() {
    }

    public static List<WebModule> defaults() {
        List<WebModule> modules = new ArrayList<>();
        for (Capability c : Capability.values()) {
            modules.add(c == Capability.BOUNCES ? new BouncesModule() : new PlaceholderModule(c));
        }
        return List.copyOf(modules);
    }
}
