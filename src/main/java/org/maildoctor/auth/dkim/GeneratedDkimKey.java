package org.maildoctor.auth.dkim;

import java.util.List;

/**
 * A new key pair ready to publish.
 *
 * @param dnsName        {@code selector._domainkey.domain}
 * @param recordText     the TXT record value, e.g. {@code v=DKIM1; k=rsa; p=MIIB…}
 * @param recordStrings  {@code recordText} split into character-strings of at most 255 octets (RFC 1035 3.3.14)
 * @param privateKeyPem  PKCS#8 PEM; a secret: never print it unless asked
 */
public record GeneratedDkimKey(String domain, String selector, DkimAlgorithm.KeyType keyType, int bits,
                               String dnsName, String recordText, List<String> recordStrings,
                               String privateKeyPem) {
    public GeneratedDkimKey {
        recordStrings = List.copyOf(recordStrings);
    }

    /** The zone-file line: {@code name. IN TXT ( "…" "…" )}. */
    public String zoneFileLine() {
        StringBuilder sb = new StringBuilder(dnsName).append(". IN TXT (");
        for (String s : recordStrings) {
            sb.append(" \"").append(s).append('"');
        }
        return sb.append(" )").toString();
    }

    @Override
    public String toString() {
        return "GeneratedDkimKey[" + dnsName + ", " + keyType + " " + bits + " bits]"; // never the private key
    }
}
