package org.maildoctor.auth.spf;

import java.util.function.Function;

/** The outcome of parsing one piece of a record: a value, or why the text is invalid. */
sealed interface Parsing<T> {

    record Ok<T>(T value) implements Parsing<T> {
    }

    record Invalid<T>(String reason) implements Parsing<T> {
    }

    static <T> Parsing<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsing<T> invalid(String reason) {
        return new Invalid<>(reason);
    }

    default <U> Parsing<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> ok(f.apply(ok.value()));
            case Invalid<T> bad -> invalid(bad.reason());
        };
    }
}
