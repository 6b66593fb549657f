package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The written-out equals and hashCode of {@link EnhancedStatus} and {@link ProviderTag} keep the records' contract. */
class ValueEqualityTest {

    @Property(tries = 2000)
    void statusesAreEqualExactlyWhenTheirPartsAre(@ForAll("classes") ReplyClass c1, @ForAll("numbers") int s1,
            @ForAll("numbers") int d1, @ForAll("classes") ReplyClass c2, @ForAll("numbers") int s2, @ForAll("numbers") int d2) {
        EnhancedStatus a = new EnhancedStatus(c1, s1, d1);
        EnhancedStatus b = new EnhancedStatus(c2, s2, d2);
        boolean same = c1 == c2 && s1 == s2 && d1 == d2;
        assertThat(a.equals(b)).isEqualTo(same);
        assertThat(a.equals(new EnhancedStatus(c1, s1, d1))).isTrue();
        assertThat(a.hashCode()).isEqualTo(new EnhancedStatus(c1, s1, d1).hashCode());
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals(a.toString())).isFalse();
    }

    @Property(tries = 2000)
    void tagsAreEqualExactlyWhenTheirPartsAre(@ForAll Provider p1, @ForAll("values") String v1, @ForAll Provider p2,
            @ForAll("values") String v2) {
        ProviderTag a = new ProviderTag(p1, v1);
        ProviderTag b = new ProviderTag(p2, v2);
        assertThat(a.equals(b)).isEqualTo(p1 == p2 && v1.equals(v2));
        ProviderTag copy = new ProviderTag(p1, new String(v1.toCharArray()));
        assertThat(a).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(a.equals(null)).isFalse();
    }

    @Provide
    Arbitrary<ReplyClass> classes() {
        return Arbitraries.of(ReplyClass.SUCCESS, ReplyClass.TRANSIENT_FAILURE, ReplyClass.PERMANENT_FAILURE);
    }

    @Provide
    Arbitrary<Integer> numbers() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("TSS04", "TSS09", "gsmtp", "RESOLVER.ADR.RecipientNotFound", "S3150");
    }
}
