package org.maildoctor.auth.dkim;


/**
 * One header field exactly as it appears in the message, folding included, without its final CRLF.
 * {@code raw} holds the bytes as ISO-8859-1 characters (one char per byte), so non-ASCII bytes pass
 * through canonicalization unchanged and {@code raw.getBytes(ISO_8859_1)} gives back the exact bytes.
 */
public record HeaderField(String name, String raw) {

    /** The field name as compared with {@code h=} entries: trimmed, lower case (RFC 6376 5.4: case-insensitive). */
    public String key() {
        return DkimSignatureParser.asciiLower(name.strip());
    }

    /** Everything after the first colon (folding kept). */
    public String value() {
        int colon = raw.indexOf(':');
        return colon < 0 ? "" : raw.substring(colon + 1);
    }
}
