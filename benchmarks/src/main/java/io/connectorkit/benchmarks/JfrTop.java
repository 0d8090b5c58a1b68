package io.connectorkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a benchmark run and prints where one thread's time and allocations went: methods by
 * inclusive share of CPU samples (each method counted once per sample) and by self share, and methods by
 * inclusive share of sampled allocation weight. The benchmark's calling thread is {@code main}; the connector's
 * own cost is what {@code RegisteredAction.run} holds beyond the SDK call inside it.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.JfrTop FILE [THREAD] [N]
 * [UNDER] [EXCLUDING]}: with UNDER, only samples whose stack holds a method whose name contains that text; with
 * EXCLUDING, not those whose stack holds one containing that text (e.g. {@code RegisteredAction.run} excluding
 * {@code DefaultDynamoDbClient}: the connector's own work around the SDK call).
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String thread = args.length > 1 ? args[1] : "main";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String under = args.length > 3 ? args[3] : "";
        String excluding = args.length > 4 ? args[4] : null;
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long samples = 0;
        long allocatedTotal = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            boolean cpu = type.equals("jdk.ExecutionSample");
            boolean allocation = type.equals("jdk.ObjectAllocationSample");
            if (!cpu && !allocation) {
                continue;
            }
            RecordedThread sampled = event.getThread(cpu ? "sampledThread" : "eventThread");
            RecordedStackTrace stack = event.getStackTrace();
            if (sampled == null || stack == null || !thread.equals(sampled.getJavaName())) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            List<String> names = frames.stream()
                    .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
            if (names.stream().noneMatch(n -> n.contains(under))
                    || (excluding != null && names.stream().anyMatch(n -> n.contains(excluding)))) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            long weight = cpu ? 1 : event.getLong("weight");
            Map<String, Long> into = cpu ? inclusive : allocated;
            for (RecordedFrame frame : frames) {
                if (frame.getMethod().getType().getName().contains("$$Lambda")) {
                    continue;
                }
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (seen.add(method)) {
                    into.merge(method, weight, Long::sum);
                }
            }
            if (cpu) {
                samples++;
                if (!frames.isEmpty()) {
                    RecordedFrame first = frames.get(0);
                    self.merge(first.getMethod().getType().getName() + "." + first.getMethod().getName(), 1L,
                            Long::sum);
                }
            } else {
                allocatedTotal += weight;
            }
        }
        System.out.println("CPU samples on thread '" + thread + "': " + samples);
        print("inclusive CPU", inclusive, samples, top);
        print("self CPU", self, samples, top);
        System.out.println("sampled allocation weight on '" + thread + "': " + allocatedTotal / (1 << 20) + " MB");
        print("inclusive allocation", allocated, allocatedTotal, top);
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println("== " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "%6.1f%%  %s",
                        100.0 * e.getValue() / Math.max(1, total), e.getKey())));
    }
}
