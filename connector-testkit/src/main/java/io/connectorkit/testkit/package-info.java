/**
 * Runs connector actions from declarative YAML fixtures (README "Fixtures"): a library
 * ({@link io.connectorkit.testkit.FixtureLoader}, {@link io.connectorkit.testkit.ScenarioRunner}), a JUnit 5
 * integration ({@link io.connectorkit.testkit.Fixtures}) and the engine of the CLI's {@code test} command
 * ({@link io.connectorkit.testkit.FixtureSuite}). It knows no particular service: a connector module supplies
 * {@link io.connectorkit.testkit.TestEnvironment}s through {@link io.connectorkit.testkit.TestEnvironmentProvider}.
 *
 * <p>The fixture format, beyond the contract's example:
 * <ul>
 *   <li>Top-level keys: {@code name} (required), {@code description}, {@code connection}, {@code vars},
 *       {@code steps} (required, not empty), {@code cleanup}. Step keys: {@code action} (required),
 *       {@code inputs}, {@code connection}, at most one of {@code expect} / {@code expectExact} /
 *       {@code expectError}, and {@code save}. Any other key is an error reported with its line.</li>
 *   <li>{@code ${name}} refers to a variable defined earlier ({@code vars} in order, then each step's
 *       {@code save}); a string that is exactly {@code ${name}} takes the variable's value with its type.
 *       <code>$${</code> writes a literal <code>${</code>. {@code ${random}} is one fresh 8-character hex suffix
 *       per run.</li>
 *   <li>{@code save: {id: Items.0.id}} takes a dotted path into the output; numeric segments index arrays.</li>
 *   <li>In expectations, {@code {$set: [...]}} matches an array with the same elements in any order and
 *       {@code {$contains: [...]}} an array holding those elements among others (listings shared with other
 *       scenarios). Numbers compare by value.</li>
 *   <li>A connection a scenario or step gives gets the environment's
 *       {@link io.connectorkit.testkit.TestEnvironment#connectionDefaults defaults} for keys it leaves out (an
 *       endpoint); with none, the environment's default connection is used. Errors building the connection
 *       count as the step's error, so {@code expectError} can check them.</li>
 *   <li>YAML is read as YAML 1.1 by Jackson: unquoted {@code yes}, {@code no}, {@code on}, {@code off},
 *       {@code true} and {@code false} are booleans, and {@code 010} is octal. Quote such text. Numbers are read
 *       from their text, never through {@code double}. Aliases ({@code *name}) are rejected.</li>
 * </ul>
 */
package io.connectorkit.testkit;
