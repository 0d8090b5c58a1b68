package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.temporal.NamedWorkflowFile;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.temporal.TriggerWorkflowImpl;
import io.connectorkit.host.temporal.WorkerConnections;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.spi.Json;
import io.connectorkit.testkit.SecretLedger;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * When the trigger workflow lists the stream's partitions (the {@code TriggerPartitions} activity: on DynamoDB a
 * DescribeStream paged through every shard): as the in-process host does, only when the rule asks for it, and a run
 * recorded by the code before that change still replays on the current code. On a Temporal test server (time
 * skipping off) and the embedded DynamoDB engine closing a shard after every record, so that every record ends a
 * shard.
 */
class TriggerRelistingTest {
    /**
     * A whole run of the trigger workflow recorded on the code before the change (commit f00158d) with this class's
     * setup and workflow file (named {@code old-relisting}, tables {@code old_source} and {@code old_audit}): three
     * records written before it started (three closed shards, each child listed), stopped once their three child
     * workflows had started. That code listed the partitions after each of the three ended shards.
     */
    private static final String OLD_HISTORY = "/temporal/trigger-history-listing-after-every-end.json";

    static LoopbackTestServer server;
    static EmbeddedDynamoDb engine;
    static DynamoDbClient sdk;
    static WorkflowClient client;
    static ConnectorRegistry registry;
    static AutoCloseable worker;

    @BeforeAll
    static void start() {
        server = LoopbackTestServer.start(0);
        engine = EmbeddedDynamoDb.builder().port(0).streamShardRecords(1).start();
        sdk = WatchKillTest.client(engine.endpoint());
        client = TemporalHost.client(server.target(), TemporalHost.DEFAULT_NAMESPACE);
        registry = ConnectorRegistry.load(TriggerRelistingTest.class.getClassLoader());
        worker = TemporalHost.startWorker(server.target(), TemporalHost.DEFAULT_NAMESPACE,
                TemporalHost.DEFAULT_TASK_QUEUE, registry, new WorkerConnections(
                        Map.of("local", TemporalHostTest.localConnection(engine)), ConnectionSource.declaredOnly()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (client != null) {
            client.getWorkflowServiceStubs().shutdown();
        }
        if (sdk != null) {
            sdk.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aRunRecordedBeforeTheChangeReplaysOnTheCurrentCode() throws Exception {
        String json;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(OLD_HISTORY), OLD_HISTORY)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertFalse(SecretLedger.containsSecret(json), "the committed history holds no secret");
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(json);
        // what makes the replay a test: the recorded run listed after each ended shard whose child the listing
        // before already held, where the current rule does not list; without the version guard the replay would
        // schedule a read where the history has a listing
        List<Activity> activities = activities(history.getEvents());
        assertTrue(history.getEvents().stream().noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED),
                "recorded before the version marker existed");
        List<?> listing = null;
        int endedWithChildListed = 0;
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            if (activity.type().equals("TriggerPartitions")) {
                listing = (List<?>) Json.parse(activity.result());
            } else if (activity.ended()) {
                assertEquals("TriggerPartitions", activities.get(i + 1).type(), "listed after each ended shard");
                String shard = activity.partition();
                assertTrue(listing.stream().anyMatch(p -> ((List<?>) ((Map<?, ?>) p).get("parentIds"))
                        .contains(shard)), "the listing before held " + shard + "'s child");
                endedWithChildListed++;
            }
        }
        assertEquals(3, endedWithChildListed, activities.toString());
        assertEquals(4, activities.stream().filter(a -> a.type().equals("TriggerPartitions")).count());

        WorkflowReplayer.replayWorkflowExecution(history, TriggerWorkflowImpl.class);
    }

    @Test
    void theWorkflowListsPartitionsOnlyWhenTheRuleAsksAndDeliversEveryRecordOnce() throws Exception {
        WatchKillTest.createTable(sdk, "relisting_source", StreamViewType.NEW_IMAGE);
        WatchKillTest.createTable(sdk, "relisting_audit", null);
        // four shards closed before the start: each ends with its child in the first listing
        write("relisting_source", 0, 4);
        String id = startTrigger("relisting", "relisting_source", "relisting_audit");
        // the fifth shard, open and empty, is read without records: the ends since the listing ask for one; a read
        // without records after it shows that it was made (and a listing after every such read would show)
        Await.until(() -> childStarts(id).size() == 4 && completed(id, "TriggerPartitions") >= 2
                && emptyReadsAfterLastListing(id) >= 1, "four records' workflows and the reads caught up");
        long before = completed(id, "TriggerPartitions");
        // a shard ending live: its child came after the last listing, which the rule lists at once for
        write("relisting_source", 4, 5);
        Await.until(() -> childStarts(id).size() == 5 && completed(id, "TriggerPartitions") > before
                && emptyReadsAfterLastListing(id) >= 1, "the fifth record's workflow and the reads caught up");
        client.newUntypedWorkflowStub(id).signal("stop");
        client.newUntypedWorkflowStub(id).getResult(Void.class);

        WorkflowExecutionHistory history = client.fetchHistory(id);
        List<Activity> activities = activities(history.getEvents());
        long listings = activities.stream().filter(a -> a.type().equals("TriggerPartitions")).count();
        long ended = activities.stream().filter(Activity::ended).count();
        assertEquals(5, ended, activities.toString());
        // the first listing, the one before idling after the four caught up, the one for the live end; the
        // code before listed once per ended shard: 1 + 5. The run takes about 10 s; on a machine so loaded that it
        // took a minute or more, the 60 s timer may have listed too, once a minute
        List<HistoryEvent> events = history.getEvents();
        long runSeconds = events.get(events.size() - 1).getEventTime().getSeconds()
                - events.get(0).getEventTime().getSeconds();
        long timerListings = listings - 3;
        assertTrue(timerListings == 0 || (timerListings > 0 && timerListings <= runSeconds / 60),
                listings + " listings in " + runSeconds + " s: " + activities);
        assertTrue(listings < ended);
        assertEquals(1, history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED).count(), "one version marker");

        Map<String, Integer> starts = childStarts(id);
        assertEquals(5, starts.size(), "one workflow per record: " + starts);
        assertTrue(starts.values().stream().allMatch(n -> n == 1), "no record's workflow started twice: " + starts);
        Await.until(() -> audited("relisting_audit").size() == 5, "five records audited");
        assertTrue(audited("relisting_audit").values().stream().allMatch(n -> n >= 1));
        // and the current code replays its own run
        WorkflowReplayer.replayWorkflowExecution(history, TriggerWorkflowImpl.class);
    }

    /** A workflow file with a trigger on {@code source} whose one step counts each record's runs in {@code audit}. */
    private static String startTrigger(String name, String source, String audit) {
        String yaml = """
                name: %s
                connections: {aws-dynamodb: local}
                trigger:
                  action: streamRecords
                  inputs: {region: us-east-1, tableName: %s}
                steps:
                  - name: count
                    action: updateItem
                    inputs:
                      region: us-east-1
                      tableName: %s
                      hashKeyValue: "${trigger.sequenceNumber}"
                      updateExpression: "ADD runs :one"
                      expressionAttributeValues: {":one": 1}
                """.formatted(name, source, audit);
        NamedWorkflowFile file = NamedWorkflowFile.parse(yaml, name + ".yaml");
        try (WorkflowEngine workflows = WorkflowEngine.discover(TriggerRelistingTest.class.getClassLoader())) {
            WorkflowEngine.Plan plan = TemporalHost.plan(workflows, file);
            assertTrue(TemporalHost.startTrigger(server.target(), TemporalHost.DEFAULT_NAMESPACE,
                    TemporalHost.DEFAULT_TASK_QUEUE, plan, file.connections(), StepPolicy.defaults()));
        }
        return TemporalHost.triggerWorkflowId(file.workflow());
    }

    private static void write(String table, int from, int to) {
        for (int i = from; i < to; i++) {
            int n = i;
            sdk.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("k" + n))));
        }
    }

    /**
     * A completed activity of the trigger workflow: its type, its first argument after the call (a read's
     * partition) and its result as JSON text.
     */
    private record Activity(String type, String partition, String result) {
        boolean ended() {
            return type.equals("TriggerRead") && Boolean.TRUE.equals(((Map<?, ?>) Json.parse(result)).get("ended"));
        }

        boolean empty() {
            return type.equals("TriggerRead") && ((List<?>) ((Map<?, ?>) Json.parse(result)).get("records")).isEmpty();
        }

        /** The type, and a read's partition, record count and end: short enough for a failure's message. */
        @Override
        public String toString() {
            if (!type.equals("TriggerRead")) {
                return type;
            }
            int records = ((List<?>) ((Map<?, ?>) Json.parse(result)).get("records")).size();
            return type + "(" + partition.substring(partition.lastIndexOf('-') + 1) + ": " + records + " records"
                    + (ended() ? ", ended)" : ")");
        }
    }

    /** The completed activities of a history, in the order they completed. */
    private static List<Activity> activities(List<HistoryEvent> events) {
        Map<Long, HistoryEvent> scheduled = new HashMap<>();
        List<Activity> activities = new ArrayList<>();
        for (HistoryEvent event : events) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
                scheduled.put(event.getEventId(), event);
            } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
                var completed = event.getActivityTaskCompletedEventAttributes();
                var schedule = scheduled.get(completed.getScheduledEventId()).getActivityTaskScheduledEventAttributes();
                String type = schedule.getActivityType().getName();
                String partition = type.equals("TriggerRead")
                        ? (String) Json.parse(schedule.getInput().getPayloads(1).getData().toStringUtf8()) : null;
                activities.add(new Activity(type, partition,
                        completed.getResult().getPayloads(0).getData().toStringUtf8()));
            }
        }
        return activities;
    }

    private static long completed(String id, String type) {
        return activities(client.fetchHistory(id).getEvents()).stream().filter(a -> a.type().equals(type)).count();
    }

    private static long emptyReadsAfterLastListing(String id) {
        List<Activity> activities = activities(client.fetchHistory(id).getEvents());
        int last = 0;
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).type().equals("TriggerPartitions")) {
                last = i;
            }
        }
        return activities.subList(last, activities.size()).stream().filter(Activity::empty).count();
    }

    /** How often each child workflow id was started by the trigger workflow. */
    private static Map<String, Integer> childStarts(String id) {
        Map<String, Integer> starts = new HashMap<>();
        client.fetchHistory(id).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)
                .forEach(e -> starts.merge(e.getChildWorkflowExecutionStartedEventAttributes()
                        .getWorkflowExecution().getWorkflowId(), 1, Integer::sum));
        return starts;
    }

    private static Map<String, Integer> audited(String table) {
        Map<String, Integer> runs = new HashMap<>();
        sdk.scanPaginator(b -> b.tableName(table)).items().forEach(item ->
                runs.put(item.get("id").s(), Integer.parseInt(item.get("runs").n())));
        return runs;
    }
}
