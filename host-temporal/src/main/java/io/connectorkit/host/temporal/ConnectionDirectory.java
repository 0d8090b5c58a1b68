package io.connectorkit.host.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The connection names the workers of one task queue hold, kept by the server so that {@code run} can refuse a
 * workflow naming a connection no worker has before starting it: the starter has no connections file, the workers
 * do. Each {@code worker} announces its names when it starts and withdraws them when it stops; a worker killed
 * leaves its names behind, which costs nothing but a later refusal by the interpreter's own check. Names only,
 * never a connection's values.
 */
@WorkflowInterface
public interface ConnectionDirectory {
    /** The directory's workflow id for a task queue: one per queue. */
    static String workflowId(String taskQueue) {
        return "connectorkit-connections-" + taskQueue;
    }

    /**
     * Runs until the server forgets it, holding what the signals said; continues as new, carrying its state, before
     * its history grows long.
     *
     * @param carried the names by worker an earlier run of the directory held; empty at the first start
     */
    @WorkflowMethod
    void keep(java.util.Map<String, List<String>> carried);

    /** A worker's connection names, replacing any it announced before. */
    @SignalMethod
    void announce(String worker, List<String> names);

    /** A stopping worker's names leave the directory. */
    @SignalMethod
    void withdraw(String worker);

    /** Every name some worker of the queue holds, sorted. */
    @QueryMethod
    List<String> names();
}
