/**
 * SPF, RFC 7208: parse records, evaluate {@code check_host()}, lint a domain's policy. Pure: DNS
 * only through {@link org.maildoctor.dns.Resolver}, time only through an injected {@code Clock}.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * SpfVerifier spf = SpfVerifier.using(resolver, clock);              // immutable; with...() for options
 * SpfEvaluation e = spf.checkMailFrom(ip, "jane@example.org", "mail.example.org");
 * SpfEvaluation h = spf.checkHelo(ip, "mail.example.org");
 * switch (e.result()) { case PASS -> ...; case TEMPERROR -> retry later; ... }   // e.reason() says why
 *
 * SpfReport r = SpfLinter.using(resolver).inspect("example.org");   // include tree + findings
 * SpfParseResult p = SpfRecord.parse("v=spf1 mx -all");             // Parsed or SyntaxError, never thrown
 * }</pre>
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>Grammar as types: {@link org.maildoctor.auth.spf.SpfRecord} holds
 *     {@link org.maildoctor.auth.spf.Directive}s (a {@link org.maildoctor.auth.spf.Qualifier} and a
 *     sealed {@link org.maildoctor.auth.spf.Mechanism}) and typed
 *     {@link org.maildoctor.auth.spf.Modifier}s; domain-specs are
 *     {@link org.maildoctor.auth.spf.MacroString}s parsed once.</li>
 * <li>The 10-term and 2-void limits (4.6.4) live in {@code LookupBudget}, a per-evaluation wrapper
 *     around the shared resolver (built on {@link org.maildoctor.dns.CountingResolver}); the
 *     evaluator turns its overflow into permerror.</li>
 * <li>DNS failures (SERVFAIL, REFUSED, timeout, unreachable) are temperror, never fail; a lookup
 *     the resolver leaves unanswered is a timeout after {@link org.maildoctor.auth.spf.SpfLimits}'
 *     {@code maxWaitPerLookup}. Evaluation joins the resolver's futures (each bounded).</li>
 * <li>Conformance: the openspf RFC 7208 and RFC 4408 suites run as data ({@code RfcSuiteTest}),
 *     plus own vectors per topic under {@code src/test/resources/spf/vectors}.</li>
 * </ul>
 */
package org.maildoctor.auth.spf;
