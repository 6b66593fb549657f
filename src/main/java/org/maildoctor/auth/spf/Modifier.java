package org.maildoctor.auth.spf;

/** {@code modifier = redirect / explanation / unknown-modifier} (RFC 7208 4.6.1, 6). */
public sealed interface Modifier {

    String text();

    /** {@code redirect = "redirect" "=" domain-spec} (6.1): at most once per record. */
    record Redirect(MacroString domain) implements Modifier {
        @Override
        public String text() {
            return "redirect=" + domain.source();
        }
    }

    /** {@code explanation = "exp" "=" domain-spec} (6.2): at most once per record. */
    record Exp(MacroString domain) implements Modifier {
        @Override
        public String text() {
            return "exp=" + domain.source();
        }
    }

    /**
     * {@code unknown-modifier = name "=" macro-string} with
     * {@code name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )} (4.6.1): ignored by evaluation (6).
     */
    record Unknown(String name, MacroString value) implements Modifier {
        @Override
        public String text() {
            return name + "=" + value.source();
        }
    }
}
