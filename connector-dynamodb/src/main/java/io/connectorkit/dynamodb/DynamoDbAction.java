package io.connectorkit.dynamodb;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.List;

/**
 * What every action of this connector has in common: its descriptor under the {@code aws-dynamodb} key, and a
 * {@link DynamoDbCall} per run. Subclasses read inputs, build one request, send it and shape the output.
 */
abstract class DynamoDbAction implements Action {
    private final ActionDescriptor descriptor;

    protected DynamoDbAction(String key, String label, String description, InputDescriptor... inputs) {
        this.descriptor = new ActionDescriptor(DynamoDbConnector.KEY, key, label, description, List.of(inputs));
    }

    @Override
    public final ActionDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Object run(ActionContext context, Inputs inputs) {
        return execute(new DynamoDbCall(context, inputs));
    }

    /** Runs the action; every value returned is plain JSON. */
    protected abstract Object execute(DynamoDbCall call);
}
