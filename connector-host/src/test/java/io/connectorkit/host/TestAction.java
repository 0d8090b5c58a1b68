package io.connectorkit.host;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** An action double: a descriptor, a body, and a count of the calls that reached the body. */
record TestAction(ActionDescriptor descriptor, BiFunction<ActionContext, Inputs, Object> body, AtomicInteger calls)
        implements Action {

    /** An action whose body answers the validated input values. */
    static TestAction echo(String connectorKey, String key, InputDescriptor... inputs) {
        return of(connectorKey, key, (context, values) -> values.values(), inputs);
    }

    static TestAction of(String connectorKey, String key, BiFunction<ActionContext, Inputs, Object> body,
            InputDescriptor... inputs) {
        return new TestAction(new ActionDescriptor(connectorKey, key, "Label of " + key, "Does " + key,
                List.of(inputs)), body, new AtomicInteger());
    }

    @Override
    public Object run(ActionContext context, Inputs inputs) {
        calls.incrementAndGet();
        return body.apply(context, inputs);
    }

    /** A second action class, so duplicate-key messages can name two distinct classes. */
    record Other(ActionDescriptor descriptor) implements Action {
        Other(String connectorKey, String key) {
            this(new ActionDescriptor(connectorKey, key, "Other " + key, "Other " + key, List.of()));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            return null;
        }
    }
}
