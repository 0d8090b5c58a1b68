package io.connectorkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent open-source DynamoDB engine started as a child process on a free loopback port: moto (Python,
 * {@code python3 -m moto.server}) or dynalite (npm, from the repository's {@code target/test-engines}, where
 * {@code .ci/run} installs it). Closing it stops the process and its children. When the engine is not installed,
 * starting it throws with the command that installs it: the build installs both, so a test must fail rather than
 * skip on a machine that lacks one.
 */
public final class IndependentEngine implements AutoCloseable {
    /** What dynalite 4.0.0 does not serve, as runner filters: PartiQL, transactions, streams, UpdateTimeToLive. */
    public static final List<String> DYNALITE_LACKS = List.of("!ExecuteStatement", "!BatchExecuteStatement",
            "!TransactGetItems", "!TransactWriteItems", "!ListStreams", "!DescribeStream", "!GetShardIterator",
            "!GetRecords", "!UpdateTimeToLive");

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final URI endpoint;
    private final Path log;

    private IndependentEngine(String name, Process process, URI endpoint, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** moto's server ({@code moto[server]}, pinned 5.2.1 by {@code .ci/run}) on a free loopback port. */
    public static IndependentEngine moto() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) {
                throw new IllegalStateException("moto's server is not installed for python3 (" + output.strip()
                        + "); install it with `python3 -m pip install 'moto[server]==5.2.1'`, or run `bash .ci/run`,"
                        + " which installs it");
            }
        } catch (IOException e) {
            throw new IllegalStateException("python3 is not on the PATH; moto needs it (`bash .ci/run` installs moto"
                    + " once python3 is there)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for moto", e);
        }
        return start("moto", List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "PORT"));
    }

    /**
     * dynalite 4.0.0 from {@code target/test-engines} of the repository holding the working directory, with table
     * creation, update and deletion taking no time.
     */
    public static IndependentEngine dynalite() {
        Path here = Path.of("").toAbsolutePath();
        Path relative = Path.of("target", "test-engines", "node_modules", ".bin", "dynalite");
        Path root = here;
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve(relative))) {
                return start("dynalite", List.of(p.resolve(relative).toString(), "--port", "PORT",
                        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            }
            if (Files.exists(p.resolve(".ci").resolve("run"))) {
                root = p;
            }
        }
        throw new IllegalStateException("dynalite is not installed at " + root.resolve(relative) + "; install it with"
                + " `npm install --prefix " + root.resolve(Path.of("target", "test-engines")) + " dynalite@4.0.0`,"
                + " or run `bash .ci/run`, which installs it");
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return name + " at " + endpoint;
    }

    private static IndependentEngine start(String name, List<String> command) {
        try {
            int port = freePort();
            List<String> resolved = new ArrayList<>();
            command.forEach(part -> resolved.add(part.replace("PORT", Integer.toString(port))));
            Path log = Files.createTempFile(name + "-", ".log");
            Process process = new ProcessBuilder(resolved).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String output = Files.readString(log);
                    Files.deleteIfExists(log);
                    throw new IllegalStateException(name + " exited with status " + process.exitValue()
                            + " before listening; its output: " + output);
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return new IndependentEngine(name, process, URI.create("http://127.0.0.1:" + port), log);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            IndependentEngine late = new IndependentEngine(name, process, URI.create("http://127.0.0.1:" + port), log);
            String output = Files.readString(log);
            late.close();
            throw new IllegalStateException(name + " did not listen on port " + port + " within " + PATIENCE
                    + "; its output: " + output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            // a temporary log left behind is harmless
        }
    }
}
