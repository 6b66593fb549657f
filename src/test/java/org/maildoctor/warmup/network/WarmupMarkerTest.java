package org.maildoctor.warmup.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WarmupMarkerTest {

    @Test
    void tokensAreShortAndRecognisedFromTheHeader() {
        String t = WarmupMarker.newToken(new SplittableRandom(1));
        assertThat(t).matches("mdw-[a-z2-7]{10}");
        assertThat(WarmupMarker.recognise(" " + t.toUpperCase() + " ", null)).contains(t);
        assertThat(WarmupMarker.recognise("something-else", null)).isEmpty();
    }

    @Test
    void theBodyLineIsFoundWhenTheHeaderWasStripped() {
        String body = "Hi Ann,\r\n\r\nSee you Monday.\r\n\r\nBen\r\n\r\nRef: mdw-abcdefgh23\r\n";
        assertThat(WarmupMarker.recognise(null, body)).contains("mdw-abcdefgh23");
    }

    @Test
    void quotedTokensAndLookalikesAreNotOurs() {
        assertThat(WarmupMarker.recognise(null, "> Ref: mdw-abcdefgh23\n")).isEmpty();
        assertThat(WarmupMarker.recognise(null, "Ref: mdw-abc\n")).isEmpty();
        assertThat(WarmupMarker.recognise(null, "Our Ref: mdw-abcdefgh23 for you\n")).isEmpty();
        assertThat(WarmupMarker.recognise(null, "")).isEmpty();
    }

    @Property
    void anyTextGivesATokenOrNothing(@ForAll String header, @ForAll String body) {
        WarmupMarker.recognise(header, body).ifPresent(t -> assertThat(WarmupMarker.isToken(t)).isTrue());
    }
}
