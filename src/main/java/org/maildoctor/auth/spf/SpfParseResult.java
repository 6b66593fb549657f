package org.maildoctor.auth.spf;

/** What {@link SpfRecord#parse} returns: a record, or where and why the text is not one. Never thrown. */
public sealed interface SpfParseResult {

    record Parsed(SpfRecord record) implements SpfParseResult {
    }

    /**
     * The text is not a valid SPF record (RFC 7208 4.6: a syntax error anywhere makes the whole
     * record a permerror). {@code position} is the 0-based index in the record text; {@code term}
     * the offending term, when there is one.
     */
    record SyntaxError(String text, int position, String term, String reason) implements SpfParseResult {
        /** One line for people: {@code invalid SPF term 'ip4:1.2.3' at 7: ...}. */
        public String describe() {
            return term.isEmpty() ? reason + " (at position " + position + ")"
                    : "invalid term " + Quote.q(term) + " at position " + position + ": " + reason;
        }
    }
}
