package org.maildoctor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The module list {@code maildoctor serve} starts with. When a capability ships its own module,
 * replace its placeholder here (keeping the order, which is the navigation order).
 */
public final class WebModules {
    private WebModules() {
    }

    public static List<WebModule> defaults() {
        return with(Map.of());
    }

    /**
     * The modules in navigation order, with {@code built} replacing the placeholder of each
     * capability that needs services from the composition root (a resolver, the store …).
     */
    public static List<WebModule> with(Map<Capability, WebModule> built) {
        List<WebModule> modules = new ArrayList<>();
        for (Capability c : Capability.values()) {
            WebModule m = built.get(c);
            if (m == null) {
                m = switch (c) {
                    case BOUNCES -> new BouncesModule();
                    case WARMUP -> new WarmupModule(java.time.Clock.systemUTC());
                    default -> new PlaceholderModule(c);
                };
            }
            modules.add(m);
        }
        return List.copyOf(modules);
    }
}
