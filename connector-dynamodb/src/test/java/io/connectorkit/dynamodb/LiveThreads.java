package io.connectorkit.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which threads are alive, to show that a piece of work left none of its own behind. */
final class LiveThreads {
    private LiveThreads() {
    }

    static Set<Thread> now() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * Waits up to {@code patience} for every thread started since {@code before} to end, then describes those still
     * alive (name and top of stack); an empty list when none is.
     */
    static List<String> awaitEnd(Set<Thread> before, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Thread> remaining = started(before);
        while (!remaining.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            remaining = started(before);
        }
        List<String> described = new ArrayList<>();
        for (Thread thread : remaining) {
            described.add(thread.getName() + " (" + thread.getState() + ") at " + Arrays.stream(thread.getStackTrace())
                    .limit(6).map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
        }
        return described;
    }

    private static List<Thread> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .toList();
    }
}
