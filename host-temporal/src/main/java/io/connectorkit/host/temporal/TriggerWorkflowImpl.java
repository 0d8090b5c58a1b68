package io.connectorkit.host.temporal;

import io.connectorkit.host.TriggerRunner;
import io.connectorkit.host.TriggerState;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.connectorkit.spi.TriggerPartition;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The trigger workflow: deterministic, as Temporal replays it. Positions live in its own state, stored (recorded in
 * history) only after the children of a batch's records were started, each after the one before it in its partition;
 * the reading is the activities', which a dead worker's replacement repeats: a record read twice makes a child of an
 * id that exists already, which Temporal refuses, so it runs once. Partitions are listed again when the in-process
 * host would list them ({@link TriggerRunner#listAgain}): a listing is an activity, and on DynamoDB a paging through
 * the whole stream.
 */
public final class TriggerWorkflowImpl implements TriggerWorkflow {
    /** The history length after which the workflow continues as new with its positions. */
    static final int HISTORY_LIMIT = Integer.getInteger("connectorkit.temporal.triggerHistoryLimit", 2_000);
    private static final Duration RELIST_EVERY = Duration.ofSeconds(60);
    /**
     * The change that made the workflow list partitions only when {@link TriggerRunner#listAgain} asks for it
     * (version 1), as the in-process host does, instead of after every round in which a partition ended (the
     * default version: one listing per ended partition, each paging through the whole stream on DynamoDB). A run
     * started by the older code replays its history on this code: it keeps the older rule, for its commands to come
     * back as they were recorded, until it continues as new.
     */
    static final String LIST_WHEN_NEEDED = "list-partitions-when-needed";

    private boolean stopping;

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public void watch(TriggerWorkflowInput input) {
        TriggerActivities activities = Workflow.newActivityStub(TriggerActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(TriggerActivitiesImpl.WAIT.plus(Duration.ofSeconds(60)))
                // a worker killed in a read is noticed within seconds, and the read retried on another
                .setHeartbeatTimeout(Duration.ofSeconds(5))
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(500))
                        .setMaximumInterval(Duration.ofSeconds(30)).setDoNotRetry(ErrorCode.INVALID_INPUT.name(),
                                ErrorCode.NOT_FOUND.name(), ErrorCode.ACCESS_DENIED.name()).build())
                .build());
        // asked before the first command, so that the whole run follows one rule
        int version = Workflow.getVersion(LIST_WHEN_NEEDED, Workflow.DEFAULT_VERSION, 1);
        TriggerState state = TriggerState.fromJson(Json.parse(input.stateJson()));
        List<TriggerPartition> partitions = spi(activities.partitions(input.call()));
        Set<String> fresh = new HashSet<>();
        if (input.freshIds() != null) {
            fresh.addAll(input.freshIds());
        } else if (state.isEmpty()) {
            partitions.forEach(p -> fresh.add(p.id()));
        }
        long listedAt = Workflow.currentTimeMillis();
        // a partition ended since the last listing: its later children are looked for before the reads idle
        boolean endedSinceListing = false;
        while (!stopping) {
            boolean anyRecords = false;
            List<String> ended = new ArrayList<>();
            for (String id : TriggerRunner.readable(partitions, state)) {
                if (stopping) {
                    break;
                }
                Object stored = state.positions().get(id);
                TriggerReadResult batch = activities.read(input.call(), id, stored == null ? null : Json.write(stored),
                        fresh.contains(id));
                for (TriggerReadResult.Record record : batch.records()) {
                    startChild(input, record);
                }
                state = state.with(id, Json.parse(batch.positionJson()), batch.ended());
                fresh.remove(id);
                anyRecords |= !batch.records().isEmpty();
                if (batch.ended()) {
                    ended.add(id);
                    endedSinceListing = true;
                }
            }
            boolean timerDue = Workflow.currentTimeMillis() - listedAt >= RELIST_EVERY.toMillis();
            boolean listAgain = version == Workflow.DEFAULT_VERSION ? !ended.isEmpty() || timerDue
                    : TriggerRunner.listAgain(partitions, ended, anyRecords, endedSinceListing, timerDue);
            if (listAgain) {
                partitions = spi(activities.partitions(input.call()));
                listedAt = Workflow.currentTimeMillis();
                endedSinceListing = false;
                Set<String> ids = new HashSet<>();
                partitions.forEach(p -> ids.add(p.id()));
                state = state.forgetEndedExcept(ids);
            }
            if (Workflow.getInfo().getHistoryLength() > HISTORY_LIMIT && !stopping) {
                Workflow.continueAsNew(new TriggerWorkflowInput(input.name(), input.call(), input.steps(),
                        Json.write(state.toJson()), List.copyOf(fresh)));
            }
        }
    }

    /**
     * Starts the record's child and waits until it started, so that the next record's child starts after it; a
     * child of that id that exists already (the record was read before) counts as started.
     */
    private static void startChild(TriggerWorkflowInput input, TriggerReadResult.Record record) {
        InterpreterWorkflow child = Workflow.newChildWorkflowStub(InterpreterWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(childId(input.name(), record.id()))
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                        // the children outlive this run: it continues as new long before they are all done
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        Async.function(child::run, input.steps().forRecord(record.eventJson()));
        try {
            Workflow.getWorkflowExecution(child).get();
        } catch (ChildWorkflowFailure e) {
            if (!alreadyStarted(e)) {
                throw e;
            }
        }
    }

    private static boolean alreadyStarted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("AlreadyStarted")
                    || String.valueOf(t.getMessage()).contains("already started")
                    || String.valueOf(t.getMessage()).contains("AlreadyStarted")) {
                return true;
            }
        }
        return false;
    }

    /** The child workflow id of a record: the trigger workflow's name and the record's own id. */
    public static String childId(String name, String recordId) {
        return name + "/" + recordId;
    }

    private static List<TriggerPartition> spi(List<TriggerReadResult.Partition> partitions) {
        return partitions.stream().map(p -> new TriggerPartition(p.id(), p.parentIds(), p.closed())).toList();
    }
}
