package org.maildoctor.transport;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.maildoctor.transport.bimi.BimiRecord;
import org.maildoctor.transport.bimi.SvgTinyPs;
import org.maildoctor.transport.mtasts.MtaStsPolicyParser;
import org.maildoctor.transport.mtasts.MtaStsRecord;
import org.maildoctor.transport.tlsrpt.TlsRptRecord;

/** Arbitrary input gives a result or a clean finding, never an exception. */
class TransportParsersPropertyTest {

    @Property(tries = 300)
    void recordsNeverThrow(@ForAll @StringLength(max = 200) String tail) {
        MtaStsRecord.parse("v=STSv1" + tail);
        TlsRptRecord.parse("v=TLSRPTv1" + tail);
        BimiRecord.parse("v=BIMI1" + tail);
    }

    @Property(tries = 300)
    void policiesNeverThrow(@ForAll byte[] body) {
        MtaStsPolicyParser.parse(body);
        MtaStsPolicyParser.parse(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 200)
    void svgCheckNeverThrows(@ForAll byte[] body) {
        SvgTinyPs.check(body);
    }
}
