package io.connectorkit.spi;

/**
 * Why an action failed, as a stable code that hosts and fixtures can match on.
 */
public enum ErrorCode {
    /** Missing, malformed, wrongly typed or contradictory input; found before any request where possible. */
    INVALID_INPUT,
    /** The addressed resource (a table, an index) does not exist. */
    NOT_FOUND,
    /** A condition expression did not hold; nothing was written. */
    CONDITION_FAILED,
    /** Credentials were refused or a role could not be assumed. */
    ACCESS_DENIED,
    /** Throughput was exceeded after the retries ran out. */
    THROTTLED,
    /** No answer within the configured call timeout. */
    TIMEOUT,
    /** Anything else the remote service reported, with its own code and message kept. */
    SERVICE_ERROR
}
