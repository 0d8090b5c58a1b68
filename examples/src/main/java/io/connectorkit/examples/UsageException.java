package io.connectorkit.examples;

/** A command line the CLI cannot understand; it answers with the usage text and exit status 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
