package io.connectorkit.examples.temporal;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.Arrays;
import java.util.List;

/**
 * A connector whose one action fails with the error code it is given, every attempt: what no local DynamoDB
 * produces on demand (a throttle that outlasts the SDK's retries, a call timeout, a refused role), so that each
 * code's journey through Temporal can be shown. Found by {@link java.util.ServiceLoader} only through the class
 * loader {@link TemporalHostTest} builds for it.
 */
public final class FaultsConnector implements Connector {
    public static final String KEY = "faults";

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(KEY, "Faults", "Fails on purpose", "./assets/faults.png");
    }

    /** {@code faults/fail}: fails with input {@code code}, after {@code afterMillis} when given. */
    public static final class Fail implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return new ActionDescriptor(KEY, "fail", "Fail", "Fails with the given error code", List.of(
                    InputDescriptor.builder("code", "Code").comment("The error code to fail with").required()
                            .choices(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toArray(String[]::new))
                            .build(),
                    InputDescriptor.builder("afterMillis", "After milliseconds")
                            .comment("How long to work before failing, so that a failed step has a time to report")
                            .type(InputType.INTEGER).build()));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            long afterMillis = inputs.optionalInteger("afterMillis").orElse(0);
            if (afterMillis > 0) {
                try {
                    Thread.sleep(afterMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new ConnectorException(ErrorCode.valueOf(inputs.string("code")), "deliberately failed with "
                    + inputs.string("code"));
        }
    }
}
