package io.connectorkit.testkit;

import io.connectorkit.spi.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/** What a step expects of its action: success, an output (as a subset or exactly), or an error. */
sealed interface Expectation {

    /** The step must simply succeed ({@code expect}, {@code expectExact} and {@code expectError} all absent). */
    record Succeeds() implements Expectation {
    }

    /**
     * {@code expect} / {@code expectExact}: the output must match {@code value} (plain-Java JSON, may hold
     * {@code ${variables}} and {@code {$set: [...]}}).
     *
     * @param exact {@code false}: objects in the output may hold more keys than expected
     */
    record Output(Object value, boolean exact) implements Expectation {
    }

    /** {@code expectError}: the action must fail with this code, its message containing the given text. */
    record Error(ErrorCode code, Optional<String> messageContains) implements Expectation {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(messageContains, "messageContains");
        }
    }
}
