package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CountingResolverTest {

    @Test
    void countsEveryLookupAndTheVoidOnesInOrder() {
        FakeZone zone = FakeZone.builder()
                .txt("good.test", "v=spf1 include:a.test -all")
                .exists("empty.test")
                .timeout("slow.test")
                .build();
        CountingResolver counter = new CountingResolver(zone);

        counter.lookupNow("good.test", RecordType.TXT);
        counter.lookupNow("gone.test", RecordType.TXT);   // NXDOMAIN: void
        counter.lookupNow("empty.test", RecordType.A);    // NODATA: void
        counter.lookupNow("slow.test", RecordType.A);     // timeout: not void

        assertThat(counter.count()).isEqualTo(4);
        assertThat(counter.voidCount()).isEqualTo(2);
        assertThat(counter.log()).extracting(q -> q.name() + "/" + q.type() + "=" + q.outcome().orElseThrow().outcome())
                .containsExactly("good.test/TXT=answer", "gone.test/TXT=nxdomain", "empty.test/A=nodata",
                        "slow.test/A=timeout");
    }

    @Test
    void aPendingLookupIsLoggedWithoutOutcome() {
        CompletableFuture<DnsResult> never = new CompletableFuture<>();
        CountingResolver counter = new CountingResolver((name, type) -> never);
        counter.lookup("x.test", RecordType.A);
        assertThat(counter.count()).isEqualTo(1);
        assertThat(counter.voidCount()).isZero();
        assertThat(counter.log().getFirst().outcome()).isEmpty();
    }

    @Test
    void anInvalidNameIsNotAQuery() {
        CountingResolver counter = new CountingResolver(FakeZone.builder().build());
        assertThatThrownBy(() -> counter.lookup("a..b", RecordType.A)).isInstanceOf(DnsNameException.class);
        assertThat(counter.count()).isZero();
    }

    @Test
    void eachEvaluationHasItsOwnCounter() {
        FakeZone zone = FakeZone.builder().a("a.test", "127.0.0.1").build();
        CountingResolver first = new CountingResolver(zone);
        CountingResolver second = new CountingResolver(zone);
        first.lookupNow("a.test", RecordType.A);
        first.lookupNow("a.test", RecordType.A);
        second.lookupNow("a.test", RecordType.A);
        assertThat(first.count()).isEqualTo(2);
        assertThat(second.count()).isEqualTo(1);
    }
}
