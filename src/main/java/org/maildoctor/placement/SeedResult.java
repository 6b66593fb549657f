package org.maildoctor.placement;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.engage.Placement;

/**
 * Where one seed filed the test message.
 *
 * @param placement where it counts; {@link Placement#MISSING} also when the seed could not be read
 * @param folder    the provider's own folder name, when found
 * @param error     why the seed could not be read or sent to, when it could not
 * @param after     time from the start of the run to the sighting, when found
 */
public record SeedResult(String address, MailboxProvider provider, Placement placement, Optional<String> folder,
                         Optional<String> error, Optional<Duration> after) {
    public SeedResult {
        Objects.requireNonNull(address);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(placement);
    }

    public static SeedResult found(Seed seed, SeedProbe.Found f, Duration after) {
        return new SeedResult(seed.address(), seed.provider(), f.placement(), Optional.of(f.folder()),
                Optional.empty(), Optional.of(after));
    }

    public static SeedResult missing(Seed seed) {
        return new SeedResult(seed.address(), seed.provider(), Placement.MISSING, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public static SeedResult failed(Seed seed, String error) {
        return new SeedResult(seed.address(), seed.provider(), Placement.MISSING, Optional.empty(), Optional.of(error),
                Optional.empty());
    }

    /** {@code inbox}, {@code spam}, {@code category}, {@code other}, {@code missing} or {@code error}. */
    public String status() {
        return error.isPresent() ? "error" : placement.name().toLowerCase(Locale.ROOT);
    }
}
