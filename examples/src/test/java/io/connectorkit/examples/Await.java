package io.connectorkit.examples;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what other threads and processes bring about: a condition checked every 200 ms. */
final class Await {
    /** Long enough for a loaded two-core CI machine; a condition that never holds fails the test, not the build. */
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private Await() {
    }

    /** Returns once the condition holds; fails the test naming {@code what} after three minutes. */
    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
