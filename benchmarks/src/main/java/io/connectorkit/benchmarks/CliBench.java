package io.connectorkit.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * cliInvoke and cliTest2000: the CLI as a user runs it, through the launcher {@code examples/target/connectors}
 * (with the class-data archive {@code mvn package} built), against the plain raw SDK program
 * {@link RawSdkGetItems} as a user runs it ({@code java -cp}, the JDK's default class-data archive only), both
 * fresh processes against this harness's embedded engine, taking turns ({@link FreshProcesses}); figures are
 * whole-process wall times.
 *
 * <ul>
 *   <li>cliInvoke: {@code connectors invoke getItem --endpoint URL} (discovery, the key schema's DescribeTable, the
 *       GetItem, the output printed as JSON) over one GetItem of the raw program;
 *   <li>cliTest2000: {@code connectors test FILE --endpoint URL} on a fixture of 2,000 getItem steps, each with an
 *       expectation, over the raw program's loop of 2,000 GetItem calls.
 * </ul>
 *
 * <p>The launcher is {@code -Dbench.launcher} (default {@code ../../examples/target/connectors}, from
 * {@code benchmarks/target}); the raw program's SDK class path is the file {@code raw-sdk.classpath} the build
 * writes there. Both run on this JVM's java ({@code JAVA_HOME} is set for the launcher).
 */
final class CliBench {
    static final int STEPS = 2_000;

    private CliBench() {
    }

    static Measurement invoke(Environment env) {
        String inputs = String.format(Locale.ROOT, "{\"region\": \"%s\", \"tableName\": \"%s\", \"hashKeyValue\": \"%s\"}",
                Environment.REGION, SampleData.ITEMS_TABLE, SampleData.GET_KEY);
        String endpoint = env.server().endpoint().toString();
        return measure("cliInvoke", 0.80, env,
                cli(List.of("invoke", "getItem", "--endpoint", endpoint, "--inputs", inputs),
                        "\"id\": \"" + SampleData.GET_KEY + "\""),
                raw(endpoint, 1), "`connectors invoke getItem` vs a raw SDK program doing one GetItem");
    }

    static Measurement test(Environment env) {
        Path fixture = fixture(Path.of("cli-test-" + STEPS + ".yaml"));
        String endpoint = env.server().endpoint().toString();
        return measure("cliTest" + STEPS, 1.20, env,
                cli(List.of("test", fixture.toString(), "--endpoint", endpoint), "1 passed, 0 failed"),
                raw(endpoint, STEPS), "`connectors test` on " + STEPS + " getItem steps vs a raw SDK program looping "
                        + STEPS + " GetItem");
    }

    /** One run of the launcher with these arguments, on this JVM, checked for {@code expected} in its output. */
    private static Supplier<FreshProcesses.Run> cli(List<String> arguments, String expected) {
        Path launcher = Path.of(System.getProperty("bench.launcher", "../../examples/target/connectors"))
                .toAbsolutePath().normalize();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + ": build examples first (benchmarks/run"
                    + " does)");
        }
        if (!Files.exists(launcher.resolveSibling("connectors.jsa"))) {
            Benchmarks.progress("  no class-data archive beside " + launcher + ": the CLI runs without one");
        }
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(arguments);
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("CONNECTORS_JAVA_OPTS", null);
        return () -> checked(FreshProcesses.run(command, environment), expected);
    }

    /** One run of the raw program doing {@code count} GetItem calls, checked to have found the item each time. */
    private static Supplier<FreshProcesses.Run> raw(String endpoint, int count) {
        List<String> command = List.of(FreshProcesses.java(), "-cp", rawClassPath(), RawSdkGetItems.class.getName(),
                endpoint, SampleData.ITEMS_TABLE, SampleData.GET_KEY, Integer.toString(count));
        return () -> checked(FreshProcesses.run(command, Map.of()), "found " + count);
    }

    private static Measurement measure(String name, double atMost, Environment env, Supplier<FreshProcesses.Run> cli,
            Supplier<FreshProcesses.Run> raw, String what) {
        int pairs = Math.max(5, (int) Math.round(5 * env.scale()));
        List<FreshProcesses.Pair<FreshProcesses.Run>> runs = FreshProcesses.alternate(pairs, cli, raw);
        double[] connector = runs.stream().mapToDouble(p -> p.connector().wallNanos()).toArray();
        double[] baseline = runs.stream().mapToDouble(p -> p.baseline().wallNanos()).toArray();
        double[] ratios = runs.stream()
                .mapToDouble(p -> (double) p.connector().wallNanos() / p.baseline().wallNanos()).toArray();
        Benchmarks.progress("  CLI     s" + seconds(connector));
        Benchmarks.progress("  raw SDK s" + seconds(baseline));
        return new Measurement(name, AlternatingTimer.median(connector), AlternatingTimer.median(baseline),
                AlternatingTimer.median(ratios), atMost, null, null, what + "; whole process, median of " + pairs
                        + " alternating pairs of fresh processes");
    }

    private static FreshProcesses.Run checked(FreshProcesses.Run run, String expected) {
        if (!run.output().contains(expected)) {
            throw new IllegalStateException("expected '" + expected + "' in the output: " + run.output());
        }
        return run;
    }

    /** The raw program's class path: the harness's classes, then the SDK's jars alone (no connector, no server). */
    private static String rawClassPath() {
        Path classes = Path.of(RawSdkGetItems.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try {
            String sdk = Files.readString(Path.of(System.getProperty("bench.rawClassPath", "raw-sdk.classpath")),
                    StandardCharsets.UTF_8);
            return FreshProcesses.absolute(classes + File.pathSeparator + sdk);
        } catch (IOException e) {
            throw new UncheckedIOException("the raw SDK class path (written by the build) is missing", e);
        }
    }

    /** A fixture of {@link #STEPS} getItem steps on the harness's item, each expecting it. */
    private static Path fixture(Path file) {
        StringBuilder yaml = new StringBuilder("name: " + STEPS + " getItem steps\nsteps:\n");
        for (int i = 0; i < STEPS; i++) {
            yaml.append(String.format(Locale.ROOT, """
                      - action: getItem
                        inputs: {region: %s, tableName: %s, hashKeyValue: %s}
                        expect: {Item: {id: %s}}
                    """, Environment.REGION, SampleData.ITEMS_TABLE, SampleData.GET_KEY, SampleData.GET_KEY));
        }
        try {
            return Files.writeString(file, yaml, StandardCharsets.UTF_8).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(double[] nanos) {
        StringBuilder out = new StringBuilder();
        for (double n : nanos) {
            out.append(String.format(Locale.ROOT, " %.2f", n / 1e9));
        }
        return out.toString();
    }
}
