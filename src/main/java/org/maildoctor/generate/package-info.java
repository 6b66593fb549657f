/**
 * Record generators: SPF, DMARC, DKIM and MTA-STS/TLS-RPT records built from a sender's choices,
 * each checked by our own parsers before it is offered. Pure apart from the DNS port: the SPF
 * generator counts lookups with the same include-tree walk as {@code spf show}
 * ({@link org.maildoctor.auth.spf.SpfLinter}), so the count shown before publishing is the count
 * seen after.
 */
package org.maildoctor.generate;
