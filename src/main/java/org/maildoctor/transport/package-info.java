/**
 * Transport security of a mail domain: MTA-STS (RFC 8461), TLS-RPT (RFC 8460), BIMI, DANE TLSA
 * (RFC 6698/7672) and the STARTTLS check of MX hosts. Subpackages hold pure parsers and policies;
 * the HTTPS and SMTP I/O they need comes through the small ports of this package
 * ({@link org.maildoctor.transport.HttpsGet}, {@link org.maildoctor.transport.starttls.StarttlsProbe}),
 * implemented in {@code transport.adapter}.
 */
package org.maildoctor.transport;
