/**
 * DNS blocklists (RFC 5782): a catalogue of lists ({@link org.maildoctor.blocklist.Catalogue},
 * shipped as {@code data/blocklists.yml}, overridable), query-name building for IPv4 (reversed
 * octets), IPv6 (reversed nibbles) and domains ({@link org.maildoctor.blocklist.Target}), the
 * meaning of each list's answers ({@link org.maildoctor.blocklist.Interpretation}, pure) and the
 * concurrent checker ({@link org.maildoctor.blocklist.BlocklistChecker}), whose only I/O is the
 * shared {@link org.maildoctor.dns.Resolver} port.
 *
 * <p>Verdicts are three-valued: listed, not listed, or unknown with a cause. A list that refuses
 * the query (Spamhaus 127.255.255.254 and friends), times out, answers outside 127/8 or fails its
 * RFC 5782 §5 sanity probe is "unknown", never "listed" or "not listed".
 */
package org.maildoctor.blocklist;
