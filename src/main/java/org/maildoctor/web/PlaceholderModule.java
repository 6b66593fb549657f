package org.maildoctor.web;

import java.util.Map;

/** Nav entry and a "coming soon" page for a capability that has no module of its own yet. */
public record PlaceholderModule(Capability capability) implements WebModule {

    @Override
    public void register(Routes r) {
        r.nav(capability.path(), capability.label(), capability.summary());
        r.page(capability.path(), ctx -> r.render(ctx, "placeholder.jte", capability.label(),
                Map.of("summary", capability.summary(), "coming", capability.coming())));
    }
}
