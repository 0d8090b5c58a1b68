package io.connectorkit.spi;

/**
 * Why an action failed, as a stable code that hosts and fixtures can match on, whatever service the connector calls.
 */
public enum ErrorCode {
    /** Missing, malformed, wrongly typed or contradictory input; found before any request where possible. */
    INVALID_INPUT,
    /** The resource the call addresses does not exist. */
    NOT_FOUND,
    /** A precondition the call set did not hold; nothing was changed. */
    CONDITION_FAILED,
    /** The service refused the credentials, or they do not grant what the call needs. */
    ACCESS_DENIED,
    /** The service's rate or capacity limits held after the retries ran out. */
    THROTTLED,
    /** No answer within the configured call timeout. */
    TIMEOUT,
    /** Anything else the remote service reported, with its own code and message kept. */
    SERVICE_ERROR
}
