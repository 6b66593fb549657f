package org.maildoctor.auth.spf;

/**
 * RFC 7208 4.6.2: {@code qualifier = "+" / "-" / "?" / "~"}; the result a directive yields when its
 * mechanism matches. Absent means {@code +}.
 */
public enum Qualifier {
    PASS('+', SpfResult.PASS),
    FAIL('-', SpfResult.FAIL),
    SOFTFAIL('~', SpfResult.SOFTFAIL),
    NEUTRAL('?', SpfResult.NEUTRAL);

    private final char symbol;
    private final SpfResult result;

    Qualifier(char symbol, SpfResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    public char symbol() {
        return symbol;
    }

    public SpfResult result() {
        return result;
    }

    /** The qualifier for a symbol, or null when {@code c} is not one (callers then assume {@code +}). */
    static Qualifier ofSymbol(char c) {
        for (Qualifier q : values()) {
            if (q.symbol == c) {
                return q;
            }
        }
        return null;
    }
}
