package io.connectorkit.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The secrets tests give a connector or a host, and a scan of every text they saw it produce (log lines,
 * exception messages and stack traces, {@code toString()}s, outputs, console output, a workflow engine's
 * history) for them, so that a test can check that no secret key or session token ever appears in any of them.
 *
 * <p>The secrets are distinctive strings used only as credentials, so a match cannot be a coincidence. Besides the
 * whole secret, its first and last 16 characters are looked for, which catches a secret cut or wrapped in a message.
 */
public final class SecretLedger {
    /** Secret access key of every connection the tests make. */
    public static final String SECRET_ACCESS_KEY = "rel1abilitySECRETkey/Zq8+Wm3Xv9Lp2Tn5Rb7Hc4Jd6Kf0Gs1";
    /** Session token given to the access-key connections. */
    public static final String SESSION_TOKEN = "rel1abilitySESSIONtoken//////////FwoGZXIvYXdzEJr4Qm9Vt2Ny6Pk8Lc3Wd5Xs7Hg1Bf0";
    /** Not a secret: it may be shown (and is, in request signatures' scopes). */
    public static final String ACCESS_KEY_ID = "AKIARELIABILITY00001";

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>(List.of(SECRET_ACCESS_KEY, SESSION_TOKEN));
    private static final AtomicInteger SCANNED = new AtomicInteger();
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    private SecretLedger() {
    }

    /** Adds a secret to look for, e.g. the session credentials a stub STS handed out. */
    public static void secret(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("secrets to look for must be at least 16 characters, to be distinctive");
        }
        if (!SECRETS.contains(secret)) {
            SECRETS.add(secret);
        }
    }

    public static List<String> secrets() {
        return List.copyOf(SECRETS);
    }

    /**
     * Scans one text the connector produced or that describes its state, at once (texts are not kept: the property
     * test alone produces tens of thousands), keeping only what leaks.
     */
    public static void text(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        SCANNED.incrementAndGet();
        for (String secret : SECRETS) {
            for (String fragment : List.of(secret, secret.substring(0, 16), secret.substring(secret.length() - 16))) {
                int at = text.indexOf(fragment);
                if (at >= 0) {
                    int from = Math.max(0, at - 60);
                    LEAKS.add("…" + text.substring(from, Math.min(text.length(), at + fragment.length() + 20))
                            .replace(fragment, "<SECRET>") + "…");
                }
            }
        }
    }

    /** Records a failure as a host would see it: message, toString and stack trace of it and every cause. */
    public static void failure(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            text(t.getMessage());
            text(t.toString());
            for (Throwable suppressed : t.getSuppressed()) {
                failure(suppressed);
            }
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        text(trace.toString());
    }

    /** Whether a text holds a secret or a fragment of one, without recording it. */
    public static boolean containsSecret(String text) {
        for (String secret : SECRETS) {
            for (String fragment : List.of(secret, secret.substring(0, 16), secret.substring(secret.length() - 16))) {
                if (text.contains(fragment)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many texts have been scanned so far. */
    public static int scanned() {
        return SCANNED.get();
    }

    /** How many leaks have been found so far; a position for {@link #leaksSince}. */
    public static int leakMark() {
        return LEAKS.size();
    }

    /** The leaks found since {@code mark}, each a cut of the text with the secret replaced by {@code <SECRET>}. */
    public static List<String> leaksSince(int mark) {
        return List.copyOf(LEAKS.subList(mark, LEAKS.size()));
    }
}
