package io.connectorkit.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type of the SPI: an {@link ErrorCode}, a message meant for the person who built the
 * workflow, and, where an input is at fault, that input's key.
 *
 * <p>Messages never carry secret values; the SPI masks secrets wherever it renders inputs.
 */
public class ConnectorException extends RuntimeException {
    private final ErrorCode code;
    private final String inputKey;

    public ConnectorException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ConnectorException(ErrorCode code, String message, String inputKey) {
        this(code, message, inputKey, null);
    }

    public ConnectorException(ErrorCode code, String message, String inputKey, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.inputKey = inputKey;
    }

    /** An {@link ErrorCode#INVALID_INPUT} error blaming one input. */
    public static ConnectorException invalidInput(String inputKey, String message) {
        return new ConnectorException(ErrorCode.INVALID_INPUT, message, inputKey);
    }

    /**
     * An {@link ErrorCode#INVALID_INPUT} error blaming {@code input}, worded the one way every message names an
     * input: {@code input 'key' (Label) <problem>}.
     */
    public static ConnectorException invalidInput(InputDescriptor input, String problem) {
        return invalidInput(input.key(), "input " + input.describe() + " " + problem);
    }

    public ErrorCode code() {
        return code;
    }

    /** The key of the input at fault, when one is. */
    public Optional<String> inputKey() {
        return Optional.ofNullable(inputKey);
    }

    /**
     * This error with its message prefixed by {@code actionKey + ": "}, unless it already is, so that every
     * message a host sees names the action.
     */
    public ConnectorException inAction(String actionKey) {
        return prefixed(actionKey + ": ");
    }

    /** This error with its message prefixed by {@code connection 'typeKey': }, unless it already is. */
    public ConnectorException inConnection(String typeKey) {
        return prefixed("connection '" + typeKey + "': ");
    }

    /** The one prefixing rule: code, input key, cause and stack trace stay; a prefix is never doubled. */
    private ConnectorException prefixed(String prefix) {
        if (getMessage().startsWith(prefix)) {
            return this;
        }
        ConnectorException named = new ConnectorException(code, prefix + getMessage(), inputKey, getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    @Override
    public String toString() {
        return "ConnectorException[" + code + "]: " + getMessage();
    }
}
