/**
 * The DNS port: the one resolver abstraction every capability uses. No I/O here; the network
 * adapter is {@code org.maildoctor.dns.dnsjava}.
 *
 * <h2>Using it from a capability</h2>
 * <ul>
 * <li>Take a {@link org.maildoctor.dns.Resolver} in the constructor; never build one. The
 *     composition root ({@code cli.Wiring.resolver(global)}) builds ONE, cached, for the process.</li>
 * <li>{@code resolver.lookup(name, RecordType.TXT)} returns a future of a sealed
 *     {@link org.maildoctor.dns.DnsResult}; switch over it. Every failure is a case of its own
 *     ({@code NxDomain}, {@code NoData}, {@code ServFail}, {@code Refused}, {@code Timeout},
 *     {@code Unreachable}); the future itself does not fail. {@code isVoid()} is RFC 7208's
 *     "void lookup"; {@code isFailure()} means "no authoritative statement" (SPF temperror).</li>
 * <li>Names come back normalised ({@link org.maildoctor.dns.DnsNames#normalize}): A-labels, lower
 *     case, no trailing dot. Normalise your own names the same way before comparing.</li>
 * <li>TXT: {@code DnsRecord.Txt.text()} is the strings joined without separator (SPF, DKIM);
 *     {@code strings()} keeps them apart.</li>
 * <li>Per-evaluation limits (SPF's 10 lookups, 2 void lookups): wrap the shared resolver in a new
 *     {@link org.maildoctor.dns.CountingResolver} for each evaluation and read {@code count()},
 *     {@code voidCount()} and {@code log()}.</li>
 * <li>Unit tests: {@code org.maildoctor.dns.FakeZone} (src/test) is a declarative zone with
 *     NXDOMAIN/NODATA semantics, CNAMEs, injected failures and a query log.</li>
 * </ul>
 */
package org.maildoctor.dns;
