package io.connectorkit.spi;

/**
 * How an input is edited by a workflow builder and what Java value it takes once validated.
 */
public enum InputType {
    /** A one-line string; validated to {@link String}. Numbers and booleans are accepted as their text. */
    STRING,
    /** Multi-line text; validated to {@link String}. */
    TEXT,
    /** Code (an expression, a statement); validated to {@link String}. */
    CODE,
    /** {@code true} or {@code false}; text {@code "true"}/{@code "false"} is accepted too. */
    BOOLEAN,
    /** A whole number; validated to {@link Long}. Numeric text is accepted too. */
    INTEGER,
    /** Any JSON value as plain Java (see {@link Json}); JSON text is parsed. */
    JSON,
    /** One of the descriptor's choices; validated to {@link String}. */
    PICKLIST,
    /** The connection the action runs with; supplied by the host, not as a value. */
    CONNECTION
}
