package org.maildoctor.bounce.reason.rhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.maildoctor.smtp.Reason;

/** Provider tables: which provider applies, and what its documented codes mean. */
class RemoteHostsTest {

    private static Optional<Reason> reason(String destination, String remoteMta, String reportingMta, String diagnostic,
            String status, Integer reply, String command) {
        return RemoteHosts.reason(destination, remoteMta, reportingMta,
                new RemoteHost.Failure(diagnostic, status, Optional.ofNullable(reply), command));
    }

    @Test
    void orangeLabelsNameTheCauseWhateverTheReplyCode() {
        assertThat(reason("x@laposte.net", "", "", "550 5.5.0 Le compte du destinataire est bloque. LPN007_426", "5.5.0", 550, "RCPT"))
                .contains(Reason.SUSPEND);
        assertThat(reason("x@example.fr", "smtp.wanadoo.fr", "", "550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]", "5.2.0", 550, "DATA"))
                .contains(Reason.SPAMDETECTED);
        // the IP and port before the label are not the code
        assertThat(reason("x@laposte.net", "", "", "554 5.7.1 <h[192.0.2.1]:49309>: Client host rejected: #216 lpn LPN000_630",
                "5.7.1", 554, "RCPT")).contains(Reason.POLICYVIOLATION);
    }

    @Test
    void theRemoteHostComesFromTheDiagnosticWhenTheReportNamesNone() {
        String exim = "SMTP error from remote server for TEXT command, host: smtp-in.orange.fr (193.252.22.65) reason: 550 5.2.0 "
                + "Mail rejete. Mail rejected. ofr_506 [506]";
        assertThat(RemoteHosts.of("x@example.com", "", "", exim)).containsInstanceOf(FrancePtt.class);
        assertThat(reason("x@example.com", "", "", exim, "5.2.0", 550, "DATA")).contains(Reason.SPAMDETECTED);
    }

    @Test
    void providersAreFoundByDestinationThenRemoteThenReportingHost() {
        assertThat(RemoteHosts.of("someone@cox.net", "cxr.mx.a.cloudfilter.net", "", "")).containsInstanceOf(Cox.class);
        assertThat(RemoteHosts.of("a@example.org", "us-smtp-inbound-1.mimecast.com", "", "")).containsInstanceOf(Mimecast.class);
        assertThat(RemoteHosts.of("a@example.org", "", "BAY004-MC1.hotmail.com", "")).containsInstanceOf(Outlook.class);
        // a look-alike domain is not the provider
        assertThat(RemoteHosts.of("a@notcox.net", "mx.notcox.net", "", "")).isEmpty();
        assertThat(RemoteHosts.of("a@example.org", "dns; mx.example.org [192.0.2.1]", "", "")).isEmpty();
    }

    @Test
    void codesAndRangesOfCoxSpectrumAndGoDaddy() {
        assertThat(reason("r@cox.net", "", "", "550 5.1.0 <s@example.com> sender rejected. AUP#CDRBL", "5.1.0", 550, "MAIL"))
                .contains(Reason.BLOCKED);
        assertThat(reason("r@cox.net", "", "", "554 AUP#IPBL1011", "", 554, "")).contains(Reason.BLOCKED);
        assertThat(reason("r@charter.net", "", "", "550 5.1.0 <s@example.com> sender rejected. AUP#In-1310", "5.1.0", 550, ""))
                .contains(Reason.TOOMANYCONN);
        assertThat(reason("r@example.com", "smtp.secureserver.net", "",
                "550 5.2.0 <s@example.com> From: Domain is invalid. Please provide a valid From: IB506", "5.2.0", 550, "DATA"))
                .contains(Reason.REJECTED);
    }

    @Test
    void mimecastNeedsTheReplyCodeAndTheSentence() {
        String text = "554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554";
        assertThat(reason("a@example.com", "eu-smtp-1.mimecast.com", "", text, "5.0.0", 554, "RCPT")).contains(Reason.POLICYVIOLATION);
        assertThat(reason("a@example.com", "eu-smtp-1.mimecast.com", "", text, "5.0.0", 550, "RCPT")).isEmpty();
    }

    @Test
    void nttDocomoTellsAMissingMailboxFromAFilterByTheCommand() {
        assertThat(reason("a@docomo.ne.jp", "mfsmax.docomo.ne.jp", "", "550 Unknown user a@docomo.ne.jp", "5.0.0", 550, "RCPT"))
                .contains(Reason.USERUNKNOWN);
        assertThat(reason("a@docomo.ne.jp", "mfsmax.docomo.ne.jp", "", "550 Unknown user a@docomo.ne.jp", "5.0.0", 550, "DATA"))
                .contains(Reason.REJECTED);
        assertThat(reason("a@docomo.ne.jp", "mfsmax.docomo.ne.jp", "", "552 Too many recipients", "5.0.0", 552, "RCPT"))
                .contains(Reason.TOOMANYCONN);
    }

    /** The provider found by host suffix is the one the first matching pattern of the first provider named. */
    @net.jqwik.api.Property(tries = 2000)
    void providerBySuffixIsTheFirstProviderWithAMatchingPattern(@net.jqwik.api.ForAll("hosts") String host) {
        RemoteHost expected = null;
        for (RemoteHost h : ALL_IN_ORDER) {
            if (h.hosts().stream().anyMatch(p -> RemoteHosts.isHostOf(host, p))) {
                expected = h;
                break;
            }
        }
        Class<?> want = expected == null ? null : expected.getClass();
        RemoteHost got = RemoteHosts.provider(host);
        assertThat(got == null ? null : got.getClass()).as(host).isEqualTo(want);
        // a recipient's domain matches the same patterns
        assertThat(ALL_IN_ORDER.stream().filter(h -> h.hosts().stream().anyMatch(p -> RemoteHosts.isDomainOf(host, p)))
                .findFirst().orElse(null)).isSameAs(expected);
    }

    private static final java.util.List<RemoteHost> ALL_IN_ORDER = java.util.List.of(
            new Aol(), new Apple(), new Cox(), new FrancePtt(), new GoDaddy(), new Kddi(), new MessageLabs(),
            new Mimecast(), new NttDocomo(), new Outlook(), new Spectrum());

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> hosts() {
        java.util.List<String> labels = new java.util.ArrayList<>(java.util.List.of("mx", "a", "not", "", "com", "net", "x-1"));
        for (RemoteHost h : ALL_IN_ORDER) {
            for (String p : h.hosts()) {
                labels.add(p);
                labels.addAll(java.util.List.of(p.split("\\.")));
            }
        }
        return net.jqwik.api.Arbitraries.of(labels).list().ofMaxSize(4).map(l -> String.join(".", l));
    }
}
