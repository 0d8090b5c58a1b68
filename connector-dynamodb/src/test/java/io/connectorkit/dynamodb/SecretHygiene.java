package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.testkit.SecretLedger;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks, for one test class, that no secret reached any text recorded in the {@link SecretLedger} while it ran,
 * nor anything written to the console (where the SDK's own logging ends up).
 *
 * <p>Registered on every class of this package, so the check covers the whole reliability suite, each class
 * printing how many texts it scanned. Also usable by hand ({@link #begin()} / {@link #finish}) from test engines
 * that do not run JUnit Jupiter extensions.
 */
public final class SecretHygiene implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecretHygiene.class);

    /** The console capture and ledger positions of one class's run. */
    static final class Session {
        private final int scanned = SecretLedger.scanned();
        private final int leaks = SecretLedger.leakMark();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream console = new ByteArrayOutputStream();

        private Session() {
            System.setOut(tee(out, console));
            System.setErr(tee(err, console));
        }

        private static PrintStream tee(PrintStream original, ByteArrayOutputStream copy) {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    original.write(b);
                    synchronized (copy) {
                        copy.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    synchronized (copy) {
                        copy.write(b, off, len);
                    }
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true, StandardCharsets.UTF_8);
        }
    }

    /** Starts capturing the console and remembers where the ledger stands. */
    static Session begin() {
        return new Session();
    }

    /** Restores the console, scans what was recorded since {@link #begin()}, prints the count and asserts no leak. */
    static void finish(Session session, String suite) {
        System.setOut(session.out);
        System.setErr(session.err);
        synchronized (session.console) {
            SecretLedger.text(session.console.toString(StandardCharsets.UTF_8));
        }
        int scanned = SecretLedger.scanned() - session.scanned;
        List<String> leaks = SecretLedger.leaksSince(session.leaks);
        System.out.println("secret hygiene (" + suite + "): " + scanned + " texts scanned (log lines, messages,"
                + " stack traces, toString()s, console) for " + SecretLedger.secrets().size() + " secrets: "
                + leaks.size() + " leaks");
        assertEquals(List.of(), leaks, "secrets appeared in texts the connector produced");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Session.class, begin());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish(context.getStore(NAMESPACE).remove(Session.class, Session.class),
                context.getRequiredTestClass().getSimpleName());
    }
}
