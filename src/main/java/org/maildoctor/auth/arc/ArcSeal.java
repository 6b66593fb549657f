package org.maildoctor.auth.arc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimSignatureParser;
import org.maildoctor.auth.dkim.HeaderField;
import org.maildoctor.auth.dkim.TagList;

/**
 * An ARC-Seal (RFC 8617 4.1.3): a DKIM-style signature over the ARC sets, with tags {@code i a b cv d s}
 * and optional {@code t}; it has no body hash and no {@code h=} (its input is fixed by 5.1.1).
 */
public record ArcSeal(int instance, DkimAlgorithm algorithm, byte[] signature, ChainStatus cv, String domain,
                      String selector, OptionalLong timestamp, HeaderField field) {
    public ArcSeal {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Outcome of reading one ARC-Seal field. */
    public sealed interface Parse {
        record Valid(ArcSeal seal) implements Parse {
        }

        record Invalid(String why) implements Parse {
        }
    }

    /** Never throws. {@code instance} is the i= the chain reader already read from this field. */
    static Parse parse(HeaderField field, int instance) {
        if (!(TagList.parse(field.value()) instanceof TagList.Parsed tags)) {
            return new Parse.Invalid("the ARC-Seal i=" + instance + " is not a tag-list");
        }
        for (String required : List.of("a", "b", "cv", "d", "s")) {
            if (tags.get(required).isEmpty()) {
                return new Parse.Invalid("the ARC-Seal i=" + instance + " lacks " + required + "= (RFC 8617 4.1.3)");
            }
        }
        if (tags.get("h").isPresent() || tags.get("bh").isPresent()) {
            return new Parse.Invalid("the ARC-Seal i=" + instance + " has h= or bh=, which a seal MUST NOT carry "
                    + "(RFC 8617 4.1.3)");
        }
        String a = TagList.removeFws(tags.get("a").get());
        Optional<DkimAlgorithm> algorithm = DkimAlgorithm.fromTag(a);
        if (algorithm.isEmpty()) {
            return new Parse.Invalid("the ARC-Seal i=" + instance + " has a=" + TagList.clip(a)
                    + ", not an algorithm we verify");
        }
        Optional<byte[]> b = DkimSignatureParser.base64(tags.get("b").get());
        if (b.isEmpty() || b.get().length == 0) {
            return new Parse.Invalid("the ARC-Seal i=" + instance + " has a b= that is not base64");
        }
        Optional<ChainStatus> cv = ChainStatus.fromTag(tags.get("cv").get());
        if (cv.isEmpty()) {
            return new Parse.Invalid("the ARC-Seal i=" + instance + " has cv=" + TagList.clip(tags.get("cv").get())
                    + "; only none, pass and fail exist (RFC 8617 4.1.3)");
        }
        String d = DkimSignatureParser.asciiLower(TagList.removeFws(tags.get("d").get()));
        String s = TagList.removeFws(tags.get("s").get());
        if (!DkimSignatureParser.isDomain(d) || !DkimSignatureParser.isDomain(s)) {
            return new Parse.Invalid("the ARC-Seal i=" + instance + " has a d= or s= that is not a domain name");
        }
        OptionalLong t = OptionalLong.empty();
        Optional<String> tTag = tags.get("t").map(TagList::removeFws);
        if (tTag.isPresent()) {
            String v = tTag.get();
            if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return new Parse.Invalid("the ARC-Seal i=" + instance + " has t=" + TagList.clip(v)
                        + ", not a number");
            }
            t = OptionalLong.of(Long.parseLong(v));
        }
        return new Parse.Valid(new ArcSeal(instance, algorithm.get(), b.get(), cv.get(), d, s, t, field));
    }
}
