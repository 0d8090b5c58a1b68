package io.connectorkit.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a host writes the records a workflow failed on into a table of the trigger's own service (a workflow's
 * {@code trigger.deadLetter: {table: NAME}}): it runs one action of the trigger's connector, with the trigger's
 * connection, once per failed record, so that a host never needs the service's client. The item is plain JSON (see
 * {@link Json}) the host makes: {@value #KEY} (text, the record's {@link TriggerRecord#id() id}) is the table's key,
 * so that a record dead-lettered twice (read again after a restart) is one item; beside it the workflow, the
 * partition, the failing step, the error's code and message, the runs, the time and the record's event.
 *
 * @param actionKey the connector's action that writes one item, replacing any of the same key
 * @param inputs    its inputs but the item (which table, where); literal values
 * @param itemInput the input the host puts the item in
 */
public record DeadLetterTable(String actionKey, Map<String, Object> inputs, String itemInput) {
    /** The item's key field, which the table's key must be. */
    public static final String KEY = "recordId";

    public DeadLetterTable {
        actionKey = InputDescriptor.requireText(actionKey, "actionKey");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(inputs, "inputs")));
        itemInput = InputDescriptor.requireText(itemInput, "itemInput");
        if (inputs.containsKey(itemInput)) {
            throw new IllegalArgumentException("inputs already hold the item input '" + itemInput + "'");
        }
    }
}
