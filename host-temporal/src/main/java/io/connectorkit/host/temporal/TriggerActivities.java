package io.connectorkit.host.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The trigger's reading on a worker: its partitions, and the next batch of one. A failure is an
 * {@link io.temporal.failure.ApplicationFailure} whose type is the connector's error code.
 */
@ActivityInterface
public interface TriggerActivities {
    @ActivityMethod(name = "TriggerPartitions")
    List<TriggerReadResult.Partition> partitions(TriggerCall call);

    /**
     * Reads the next records of a partition, waiting (and heartbeating the position it reached) while there are none,
     * up to a few seconds.
     *
     * @param positionJson the stored position, or {@code null} for none
     * @param fresh        whether the trigger's starting position applies to a partition without one
     */
    @ActivityMethod(name = "TriggerRead")
    TriggerReadResult read(TriggerCall call, String partitionId, String positionJson, boolean fresh);
}
