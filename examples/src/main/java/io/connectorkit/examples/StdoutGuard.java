package io.connectorkit.examples;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs code that may print to {@link System#out} behind a command's back (the start-up banner of a server a
 * connector's test environment embeds; the DynamoDB engine prints none) with {@code System.out} pointed elsewhere,
 * so that a command's own output stays clean: {@code invoke} prints JSON only, {@code test} its report only.
 * Commands write through the stream they were given, which is unaffected.
 */
final class StdoutGuard {
    private StdoutGuard() {
    }

    static <T> T redirected(PrintStream elsewhere, Supplier<T> work) {
        PrintStream stdout = System.out;
        System.setOut(elsewhere);
        try {
            return work.get();
        } finally {
            System.setOut(stdout);
        }
    }
}
