package io.connectorkit.dynamodb.embedded.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streams engine through its operations, fed by {@link Streams#record} as the table side feeds it. */
class StreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders";
    private static final Instant START = Instant.parse("2026-12-05T10:00:00.250Z");

    private final MutableClock clock = new MutableClock(START);

    @ParameterizedTest
    @ValueSource(strings = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void eachViewTypeShowsTheImagesItNames(String viewType) {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), viewType)[0];
        ObjectNode keys = json("{\"id\":{\"S\":\"a\"}}");
        ObjectNode first = json("{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}");
        ObjectNode second = json("{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"2\"},\"tag\":{\"S\":\"x\"}}");
        streams.record("orders", "INSERT", keys, null, first, false);
        streams.record("orders", "MODIFY", keys, first, second, false);
        streams.record("orders", "REMOVE", keys, second, null, false);

        List<JsonNode> records = readAll(streams, arn);
        assertEquals(3, records.size());
        boolean showsNew = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        boolean showsOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        ObjectNode[][] images = {{null, first}, {first, second}, {second, null}};
        String[] names = {"INSERT", "MODIFY", "REMOVE"};
        for (int i = 0; i < 3; i++) {
            JsonNode record = records.get(i);
            assertEquals(names[i], record.get("eventName").asText());
            assertEquals("1.1", record.get("eventVersion").asText());
            assertEquals("aws:dynamodb", record.get("eventSource").asText());
            assertEquals("eu-west-1", record.get("awsRegion").asText());
            assertTrue(record.get("eventID").asText().matches("[0-9a-f]{32}"), record.toString());
            assertNull(record.get("userIdentity"));
            JsonNode dynamodb = record.get("dynamodb");
            assertEquals(keys, dynamodb.get("Keys"));
            assertEquals(viewType, dynamodb.get("StreamViewType").asText());
            assertEquals(START.getEpochSecond(), dynamodb.get("ApproximateCreationDateTime").asLong());
            assertEquals(showsOld ? images[i][0] : null, dynamodb.get("OldImage"), record.toString());
            assertEquals(showsNew ? images[i][1] : null, dynamodb.get("NewImage"), record.toString());
            // SizeBytes as in DynamoDB's documented example: the keys' size plus the images' the record carries
            long size = 3 + (showsOld && images[i][0] != null ? size(images[i][0]) : 0)
                    + (showsNew && images[i][1] != null ? size(images[i][1]) : 0);
            assertEquals(size, dynamodb.get("SizeBytes").asLong(), record.toString());
        }
        assertEquals(3, records.stream().map(r -> r.get("eventID").asText()).distinct().count());
    }

    @Test
    void sizeBytesMatchesDynamoDbsDocumentedExample() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("Forum", "arn:aws:dynamodb:us-west-2:111122223333:table/Forum",
                keySchema(), "KEYS_ONLY")[0];
        streams.record("Forum", "INSERT",
                json("{\"ForumName\":{\"S\":\"DynamoDB\"},\"Subject\":{\"S\":\"DynamoDB Thread 3\"}}"), null,
                json("{\"ForumName\":{\"S\":\"DynamoDB\"},\"Subject\":{\"S\":\"DynamoDB Thread 3\"}}"), false);
        assertEquals(41, readAll(streams, arn).get(0).get("dynamodb").get("SizeBytes").asLong());
    }

    @Test
    void aTimeToLiveDeleteNamesTheService() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "OLD_IMAGE")[0];
        ObjectNode item = json("{\"id\":{\"S\":\"a\"},\"expires\":{\"N\":\"1\"}}");
        streams.record("orders", "REMOVE", json("{\"id\":{\"S\":\"a\"}}"), item, null, true);
        JsonNode record = readAll(streams, arn).get(0);
        assertEquals(json("{\"Type\":\"Service\",\"PrincipalId\":\"dynamodb.amazonaws.com\"}"),
                record.get("userIdentity"));
        assertEquals(item, record.get("dynamodb").get("OldImage"));
    }

    @Test
    void sequenceNumbersAreDecimalAndGrowAcrossShards() {
        Streams streams = new Streams(clock, StreamOptions.defaults().withShardRecords(2));
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        for (int i = 0; i < 7; i++) {
            put(streams, "orders", "k" + i);
        }
        List<JsonNode> records = readAll(streams, arn);
        assertEquals(7, records.size());
        BigInteger previous = BigInteger.ZERO;
        for (JsonNode record : records) {
            String number = record.get("dynamodb").get("SequenceNumber").asText();
            assertTrue(number.matches("[1-9][0-9]{20,39}"), number);
            BigInteger value = new BigInteger(number);
            assertTrue(value.compareTo(previous) > 0, number + " after " + previous);
            previous = value;
        }
    }

    @Test
    void aShardClosesAfterItsRecordsAndAChildTakesOver() {
        Streams streams = new Streams(clock, StreamOptions.defaults().withShardRecords(3));
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        for (int i = 0; i < 10; i++) {
            put(streams, "orders", "k" + i);
        }
        ArrayNode shards = (ArrayNode) describe(streams, arn).get("Shards");
        assertEquals(4, shards.size());
        for (int i = 0; i < 4; i++) {
            JsonNode shard = shards.get(i);
            if (i == 0) {
                assertNull(shard.get("ParentShardId"));
            } else {
                assertEquals(shards.get(i - 1).get("ShardId"), shard.get("ParentShardId"));
            }
            assertEquals(i < 3, shard.get("SequenceNumberRange").has("EndingSequenceNumber"), shard.toString());
        }
        // a closed shard's ending number is its last record's; the next shard starts after it
        List<JsonNode> firstShard = readShard(streams, arn, shards.get(0).get("ShardId").asText());
        assertEquals(3, firstShard.size());
        assertEquals(shards.get(0).get("SequenceNumberRange").get("EndingSequenceNumber"),
                firstShard.get(2).get("dynamodb").get("SequenceNumber"));
        assertTrue(new BigInteger(shards.get(1).get("SequenceNumberRange").get("StartingSequenceNumber").asText())
                .compareTo(new BigInteger(firstShard.get(2).get("dynamodb").get("SequenceNumber").asText())) > 0);

        List<String> ids = new ArrayList<>();
        for (JsonNode record : readAll(streams, arn)) {
            ids.add(record.get("dynamodb").get("Keys").get("id").get("S").asText());
        }
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), ids);
    }

    @Test
    void aClosedShardReadToItsEndHasNoNextIteratorAndAnOpenOneAlwaysHas() {
        Streams streams = new Streams(clock, StreamOptions.defaults().withShardRecords(2));
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        put(streams, "orders", "b");
        put(streams, "orders", "c");
        ArrayNode shards = (ArrayNode) describe(streams, arn).get("Shards");
        String closed = shards.get(0).get("ShardId").asText();
        String open = shards.get(1).get("ShardId").asText();

        ObjectNode page = getRecords(streams, iterator(streams, arn, closed, "TRIM_HORIZON", null), 1);
        assertEquals(1, page.get("Records").size());
        assertTrue(page.has("NextShardIterator"), "one record of the closed shard is left");
        page = getRecords(streams, page.get("NextShardIterator").asText(), 1);
        assertEquals(1, page.get("Records").size());
        assertFalse(page.has("NextShardIterator"), "the closed shard is read to its end");
        assertFalse(getRecords(streams, iterator(streams, arn, closed, "LATEST", null), 10).has("NextShardIterator"));

        page = getRecords(streams, iterator(streams, arn, open, "TRIM_HORIZON", null), 10);
        assertEquals(1, page.get("Records").size());
        page = getRecords(streams, page.get("NextShardIterator").asText(), 10);
        assertEquals(0, page.get("Records").size());
        assertTrue(page.has("NextShardIterator"), "an open shard may get more records");
        put(streams, "orders", "d");
        page = getRecords(streams, page.get("NextShardIterator").asText(), 10);
        assertEquals("d", page.get("Records").get(0).get("dynamodb").get("Keys").get("id").get("S").asText());
    }

    @Test
    void describeStreamPagesMoreThanAHundredShards() {
        Streams streams = new Streams(clock, StreamOptions.defaults().withShardRecords(1));
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        for (int i = 0; i < 250; i++) {
            put(streams, "orders", "k" + i);
        }
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String start = null;
        do {
            ObjectNode request = json("{\"StreamArn\":\"" + arn + "\"}");
            if (start != null) {
                request.put("ExclusiveStartShardId", start);
            }
            JsonNode description = call(streams, "DescribeStream", request).get("StreamDescription");
            description.get("Shards").forEach(shard -> ids.add(shard.get("ShardId").asText()));
            pageSizes.add(description.get("Shards").size());
            start = description.has("LastEvaluatedShardId") ? description.get("LastEvaluatedShardId").asText() : null;
            if (start != null) {
                assertEquals(ids.get(ids.size() - 1), start);
            }
        } while (start != null);
        assertEquals(List.of(100, 100, 51), pageSizes);
        assertEquals(251, ids.stream().distinct().count());
        assertEquals(ids.stream().sorted().toList(), ids, "shard ids sort in the order the shards opened");
        for (String id : ids) {
            assertTrue(id.matches("shardId-[0-9]{20}-[0-9a-f]{8}") && id.length() <= 65, id);
        }

        JsonNode small = call(streams, "DescribeStream",
                json("{\"StreamArn\":\"" + arn + "\",\"Limit\":7}")).get("StreamDescription");
        assertEquals(7, small.get("Shards").size());
        assertEquals(ids.get(6), small.get("LastEvaluatedShardId").asText());
        JsonNode afterLast = call(streams, "DescribeStream", json("{\"StreamArn\":\"" + arn
                + "\",\"ExclusiveStartShardId\":\"" + ids.get(250) + "\"}")).get("StreamDescription");
        assertEquals(0, afterLast.get("Shards").size());
        assertFalse(afterLast.has("LastEvaluatedShardId"));

        JsonNode children = call(streams, "DescribeStream", json("{\"StreamArn\":\"" + arn
                + "\",\"ShardFilter\":{\"Type\":\"CHILD_SHARDS\",\"ShardId\":\"" + ids.get(41) + "\"}}"))
                .get("StreamDescription");
        assertEquals(1, children.get("Shards").size());
        assertEquals(ids.get(42), children.get("Shards").get(0).get("ShardId").asText());
        assertEquals(ids.get(41), children.get("Shards").get(0).get("ParentShardId").asText());
    }

    @Test
    void theFourIteratorTypesStartWhereTheySay() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        put(streams, "orders", "b");
        JsonNode shard = describe(streams, arn).get("Shards").get(0);
        String shardId = shard.get("ShardId").asText();
        String latest = iterator(streams, arn, shardId, "LATEST", null);
        put(streams, "orders", "c");
        List<JsonNode> all = readShard(streams, arn, shardId);
        assertEquals(List.of("a", "b", "c"), keysOf(all));
        String b = all.get(1).get("dynamodb").get("SequenceNumber").asText();

        assertEquals(List.of("a", "b", "c"), keysOf(records(streams, iterator(streams, arn, shardId, "TRIM_HORIZON",
                null))));
        assertEquals(List.of("c"), keysOf(records(streams, latest)));
        assertEquals(List.of("b", "c"), keysOf(records(streams, iterator(streams, arn, shardId, "AT_SEQUENCE_NUMBER",
                b))));
        assertEquals(List.of("c"), keysOf(records(streams, iterator(streams, arn, shardId, "AFTER_SEQUENCE_NUMBER",
                b))));
        String starting = shard.get("SequenceNumberRange").get("StartingSequenceNumber").asText();
        assertEquals(List.of("a", "b", "c"), keysOf(records(streams, iterator(streams, arn, shardId,
                "AT_SEQUENCE_NUMBER", starting))));
        assertEquals(List.of(), keysOf(records(streams, iterator(streams, arn, shardId, "LATEST", null))));
    }

    @Test
    void anIteratorExpiresAfterItsTime() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        String shardId = describe(streams, arn).get("Shards").get(0).get("ShardId").asText();
        String iterator = iterator(streams, arn, shardId, "TRIM_HORIZON", null);
        clock.advance(Duration.ofMinutes(15));
        ObjectNode page = getRecords(streams, iterator, 10);
        assertEquals(1, page.get("Records").size(), "an iterator is good for fifteen minutes");
        clock.advance(Duration.ofMillis(1));
        DynamoDbError expired = error(streams, "GetRecords", json("{\"ShardIterator\":\"" + iterator + "\"}"));
        assertEquals("ExpiredIteratorException", expired.type());
        assertEquals("Iterator expired. The iterator was created at time Sat Dec 05 10:00:00 UTC 2026 while right"
                + " now it is Sat Dec 05 10:15:00 UTC 2026 which is further in the future than the tolerated delay"
                + " of 900000 milliseconds.", expired.getMessage());
        // the iterator GetRecords handed out is new, so it is good for fifteen minutes more
        assertEquals(0, getRecords(streams, page.get("NextShardIterator").asText(), 10).get("Records").size());
    }

    @Test
    void recordsOlderThanTheRetentionAreTrimmed() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "old");
        clock.advance(Duration.ofHours(1));
        put(streams, "orders", "newer");
        String shardId = describe(streams, arn).get("Shards").get(0).get("ShardId").asText();
        String oldNumber = readShard(streams, arn, shardId).get(0).get("dynamodb").get("SequenceNumber").asText();

        clock.advance(Duration.ofHours(23).minusMillis(1));
        assertEquals(List.of("old", "newer"), keysOf(records(streams, iterator(streams, arn, shardId,
                "TRIM_HORIZON", null))), "nothing is trimmed before 24 hours");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("newer"), keysOf(records(streams, iterator(streams, arn, shardId, "TRIM_HORIZON",
                null))));
        for (String type : List.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER")) {
            DynamoDbError trimmed = error(streams, "GetShardIterator", json("{\"StreamArn\":\"" + arn
                    + "\",\"ShardId\":\"" + shardId + "\",\"ShardIteratorType\":\"" + type
                    + "\",\"SequenceNumber\":\"" + oldNumber + "\"}"));
            assertEquals("TrimmedDataAccessException", trimmed.type());
            assertEquals("The operation attempted to read past the oldest stream record in a shard.",
                    trimmed.getMessage());
        }
    }

    @Test
    void anIteratorWhoseRecordWasTrimmedSinceIsRefused() {
        // a retention shorter than the iterators' life, so that an iterator outlives the record it points at
        Streams streams = new Streams(clock, StreamOptions.defaults().withRetention(Duration.ofMinutes(10)));
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        clock.advance(Duration.ofMinutes(1));
        put(streams, "orders", "b");
        String shardId = describe(streams, arn).get("Shards").get(0).get("ShardId").asText();
        String horizon = iterator(streams, arn, shardId, "TRIM_HORIZON", null);
        String atB = iterator(streams, arn, shardId, "AFTER_SEQUENCE_NUMBER",
                readShard(streams, arn, shardId).get(0).get("dynamodb").get("SequenceNumber").asText());
        clock.advance(Duration.ofMinutes(9));
        DynamoDbError trimmed = error(streams, "GetRecords", json("{\"ShardIterator\":\"" + horizon + "\"}"));
        assertEquals("TrimmedDataAccessException", trimmed.type());
        assertEquals(List.of("b"), keysOf(records(streams, atB)), "an iterator past the trim point still reads");
    }

    @Test
    void aClosedShardLeavesTheStreamAfterTheRetention() {
        Streams streams = new Streams(clock,
                StreamOptions.defaults().withShardRecords(1).withShardDuration(null));
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        clock.advance(Duration.ofHours(2));
        put(streams, "orders", "b");
        assertEquals(3, describe(streams, arn).get("Shards").size());
        String first = describe(streams, arn).get("Shards").get(0).get("ShardId").asText();

        clock.advance(Duration.ofHours(22));
        ArrayNode shards = (ArrayNode) describe(streams, arn).get("Shards");
        assertEquals(2, shards.size(), shards.toString());
        assertEquals(first, shards.get(0).get("ParentShardId").asText(), "a child still names its parent");
        DynamoDbError gone = error(streams, "GetShardIterator", json("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
                + first + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}"));
        assertEquals("ResourceNotFoundException", gone.type());
        assertEquals("Requested resource not found: Shard does not exist", gone.getMessage());
        assertEquals(List.of("b"), keysOf(readAll(streams, arn)));
    }

    @Test
    void aShardClosesAfterItsDurationEvenWithoutWrites() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        clock.advance(Duration.ofHours(4).minusMillis(1));
        assertEquals(1, describe(streams, arn).get("Shards").size());
        clock.advance(Duration.ofMillis(1));
        ArrayNode shards = (ArrayNode) describe(streams, arn).get("Shards");
        assertEquals(2, shards.size());
        assertTrue(shards.get(0).get("SequenceNumberRange").has("EndingSequenceNumber"));
        put(streams, "orders", "b");
        assertEquals(List.of("a", "b"), keysOf(readAll(streams, arn)));
        assertEquals(List.of("b"), keysOf(readShard(streams, arn, shards.get(1).get("ShardId").asText())));

        // after two quiet days only the shards still inside the retention period are there
        clock.advance(Duration.ofDays(2));
        shards = (ArrayNode) describe(streams, arn).get("Shards");
        // the shards that closed in the last 24 hours (one every four hours) and the open one
        assertEquals(7, shards.size(), shards.toString());
        for (int i = 1; i < shards.size(); i++) {
            assertEquals(shards.get(i - 1).get("ShardId"), shards.get(i).get("ParentShardId"));
        }
        assertFalse(shards.get(shards.size() - 1).get("SequenceNumberRange").has("EndingSequenceNumber"));
        assertEquals(List.of(), keysOf(readAll(streams, arn)));
    }

    @Test
    void aDisabledStreamStaysReadableForTheRetentionAndAnEnableMakesANewStream() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String[] first = streams.enable("orders", TABLE_ARN, keySchema(), "NEW_IMAGE");
        assertEquals(TABLE_ARN + "/stream/2026-12-05T10:00:00.250", first[0]);
        assertEquals("2026-12-05T10:00:00.250", first[1]);
        put(streams, "orders", "a");
        streams.disable("orders");
        put(streams, "orders", "ignored");
        JsonNode description = describe(streams, first[0]);
        assertEquals("DISABLED", description.get("StreamStatus").asText());
        assertTrue(description.get("Shards").get(0).get("SequenceNumberRange").has("EndingSequenceNumber"));
        assertEquals(List.of("a"), keysOf(readAll(streams, first[0])));

        String[] second = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY");
        assertNotEquals(first[0], second[0], "a stream enabled in the same millisecond still gets its own label");
        put(streams, "orders", "b");
        assertEquals(List.of("b"), keysOf(readAll(streams, second[0])));
        JsonNode listed = call(streams, "ListStreams", json("{\"TableName\":\"orders\"}")).get("Streams");
        assertEquals(2, listed.size());
        assertEquals(first[0], listed.get(0).get("StreamArn").asText());
        assertEquals("orders", listed.get(0).get("TableName").asText());
        assertEquals(first[1], listed.get(0).get("StreamLabel").asText());

        streams.tableDeleted("orders");
        assertEquals("DISABLED", describe(streams, second[0]).get("StreamStatus").asText());
        clock.advance(Duration.ofHours(24));
        assertEquals(0, call(streams, "ListStreams", json("{}")).get("Streams").size());
        DynamoDbError gone = error(streams, "DescribeStream", json("{\"StreamArn\":\"" + first[0] + "\"}"));
        assertEquals("ResourceNotFoundException", gone.type());
        assertEquals("Requested resource not found: Stream: " + first[0] + " not found", gone.getMessage());
    }

    @Test
    void describeStreamShowsTheStreamAndItsTable() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "NEW_AND_OLD_IMAGES")[0];
        JsonNode description = describe(streams, arn);
        assertEquals(arn, description.get("StreamArn").asText());
        assertEquals("2026-12-05T10:00:00.250", description.get("StreamLabel").asText());
        assertEquals("ENABLED", description.get("StreamStatus").asText());
        assertEquals("NEW_AND_OLD_IMAGES", description.get("StreamViewType").asText());
        assertEquals("orders", description.get("TableName").asText());
        assertEquals(keySchema(), description.get("KeySchema"));
        assertEquals(START.toEpochMilli() / 1000.0, description.get("CreationRequestDateTime").asDouble(), 0.0);
        JsonNode shard = description.get("Shards").get(0);
        assertFalse(shard.has("ParentShardId"));
        assertFalse(shard.get("SequenceNumberRange").has("EndingSequenceNumber"));
    }

    @Test
    void listStreamsFiltersAndPages() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        List<String> arns = new ArrayList<>();
        for (String table : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
            arns.add(streams.enable(table, "arn:aws:dynamodb:eu-west-1:123456789012:table/" + table, keySchema(),
                    "KEYS_ONLY")[0]);
        }
        List<String> seen = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            ObjectNode request = json("{\"Limit\":2}");
            if (start != null) {
                request.put("ExclusiveStartStreamArn", start);
            }
            JsonNode page = call(streams, "ListStreams", request);
            page.get("Streams").forEach(s -> seen.add(s.get("StreamArn").asText()));
            start = page.has("LastEvaluatedStreamArn") ? page.get("LastEvaluatedStreamArn").asText() : null;
            pages++;
        } while (start != null);
        assertEquals(arns, seen);
        assertEquals(3, pages);
        JsonNode one = call(streams, "ListStreams", json("{\"TableName\":\"delta\"}")).get("Streams");
        assertEquals(1, one.size());
        assertEquals(arns.get(3), one.get(0).get("StreamArn").asText());
        assertEquals(0, call(streams, "ListStreams", json("{\"TableName\":\"nothere\"}")).get("Streams").size());
    }

    @Test
    void badRequestsAreRefusedInDynamoDbsWords() {
        Streams streams = new Streams(clock, StreamOptions.defaults());
        String arn = streams.enable("orders", TABLE_ARN, keySchema(), "KEYS_ONLY")[0];
        put(streams, "orders", "a");
        String shardId = describe(streams, arn).get("Shards").get(0).get("ShardId").asText();
        String number = readAll(streams, arn).get(0).get("dynamodb").get("SequenceNumber").asText();

        assertValidation("1 validation error detected: Value 'SOMEWHERE' at 'shardIteratorType' failed to satisfy"
                + " constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER,"
                + " AFTER_SEQUENCE_NUMBER]", streams, "GetShardIterator", json("{\"StreamArn\":\"" + arn
                + "\",\"ShardId\":\"" + shardId + "\",\"ShardIteratorType\":\"SOMEWHERE\"}"));
        assertValidation("1 validation error detected: Value null at 'shardIteratorType' failed to satisfy"
                + " constraint: Member must not be null", streams, "GetShardIterator", json("{\"StreamArn\":\""
                + arn + "\",\"ShardId\":\"" + shardId + "\"}"));
        assertValidation("Must specify a sequence number when using ShardIteratorType: AT_SEQUENCE_NUMBER", streams,
                "GetShardIterator", json("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shardId
                        + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\"}"));
        assertValidation("Must not specify a sequence number when using ShardIteratorType: LATEST", streams,
                "GetShardIterator", json("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shardId
                        + "\",\"ShardIteratorType\":\"LATEST\",\"SequenceNumber\":\"" + number + "\"}"));
        assertValidation("Invalid SequenceNumber 999999999999999999999 for shard " + shardId, streams,
                "GetShardIterator", json("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shardId
                        + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\",\"SequenceNumber\":"
                        + "\"999999999999999999999\"}"));
        assertValidation("1 validation error detected: Value '12' at 'sequenceNumber' failed to satisfy constraint:"
                + " Member must have length greater than or equal to 21", streams, "GetShardIterator",
                json("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shardId
                        + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\",\"SequenceNumber\":\"12\"}"));
        String badArn = "sdfadsfsdfsdgdfsgsfdabadfbabdadsfsdfsdfsdfsdfsdfsdfdfdssdffbdfdf";
        assertValidation("Invalid StreamArn: " + badArn, streams, "DescribeStream",
                json("{\"StreamArn\":\"" + badArn + "\"}"));
        assertValidation("Invalid ShardIterator", streams, "GetRecords",
                json("{\"ShardIterator\":\"sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg\"}"));
        String iterator = iterator(streams, arn, shardId, "TRIM_HORIZON", null);
        String tampered = iterator.substring(0, iterator.length() - 6) + (iterator.endsWith("AAAAAA") ? "BAAAAA"
                : "AAAAAA");
        assertValidation("Invalid ShardIterator", streams, "GetRecords",
                json("{\"ShardIterator\":\"" + tampered + "\"}"));
        assertValidation("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member"
                + " must have value less than or equal to 1000", streams, "GetRecords",
                json("{\"ShardIterator\":\"" + iterator + "\",\"Limit\":1001}"));
        assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member"
                + " must have value greater than or equal to 1", streams, "ListStreams", json("{\"Limit\":0}"));
        assertValidation("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member"
                + " must have value less than or equal to 100", streams, "DescribeStream",
                json("{\"StreamArn\":\"" + arn + "\",\"Limit\":101}"));

        String unknown = TABLE_ARN + "/stream/2020-01-01T00:00:00.000";
        DynamoDbError notFound = error(streams, "GetShardIterator", json("{\"StreamArn\":\"" + unknown
                + "\",\"ShardId\":\"" + shardId + "\",\"ShardIteratorType\":\"LATEST\"}"));
        assertEquals("ResourceNotFoundException", notFound.type());
        assertEquals("Requested resource not found: Stream: " + unknown + " not found", notFound.getMessage());
        DynamoDbError noShard = error(streams, "GetShardIterator", json("{\"StreamArn\":\"" + arn
                + "\",\"ShardId\":\"shardId-00000000000000000000-ffffffff\",\"ShardIteratorType\":\"LATEST\"}"));
        assertEquals("ResourceNotFoundException", noShard.type());
        assertEquals("Requested resource not found: Shard does not exist", noShard.getMessage());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static ArrayNode keySchema() {
        return (ArrayNode) json("[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]");
    }

    static <T extends JsonNode> T json(String text) {
        try {
            @SuppressWarnings("unchecked")
            T node = (T) JSON.readTree(text);
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static long size(ObjectNode item) {
        return io.connectorkit.dynamodb.embedded.model.Values.itemSize(item);
    }

    private static void put(Streams streams, String table, String id) {
        ObjectNode keys = json("{\"id\":{\"S\":\"" + id + "\"}}");
        streams.record(table, "INSERT", keys, null, keys, false);
    }

    private static ObjectNode call(Streams streams, String operation, ObjectNode request) {
        return streams.operations().get(operation).handle(request);
    }

    private static DynamoDbError error(Streams streams, String operation, ObjectNode request) {
        return assertThrows(DynamoDbError.class, () -> call(streams, operation, request));
    }

    private static void assertValidation(String message, Streams streams, String operation, ObjectNode request) {
        DynamoDbError error = error(streams, operation, request);
        assertEquals("ValidationException", error.type());
        assertEquals(message, error.getMessage());
    }

    private static JsonNode describe(Streams streams, String arn) {
        return call(streams, "DescribeStream", json("{\"StreamArn\":\"" + arn + "\"}")).get("StreamDescription");
    }

    private static String iterator(Streams streams, String arn, String shardId, String type, String number) {
        ObjectNode request = json("{}");
        request.put("StreamArn", arn).put("ShardId", shardId).put("ShardIteratorType", type);
        if (number != null) {
            request.put("SequenceNumber", number);
        }
        return call(streams, "GetShardIterator", request).get("ShardIterator").asText();
    }

    private static ObjectNode getRecords(Streams streams, String iterator, int limit) {
        ObjectNode request = json("{}");
        request.put("ShardIterator", iterator).put("Limit", limit);
        return call(streams, "GetRecords", request);
    }

    /** The records from an iterator on, until the shard ends or no more are there now. */
    private static List<JsonNode> records(Streams streams, String iterator) {
        List<JsonNode> records = new ArrayList<>();
        while (iterator != null) {
            ObjectNode page = getRecords(streams, iterator, 2);
            page.get("Records").forEach(records::add);
            if (page.get("Records").isEmpty()) {
                break;
            }
            iterator = page.has("NextShardIterator") ? page.get("NextShardIterator").asText() : null;
        }
        return records;
    }

    private static List<JsonNode> readShard(Streams streams, String arn, String shardId) {
        return records(streams, iterator(streams, arn, shardId, "TRIM_HORIZON", null));
    }

    /** Every record of the stream, shard by shard, parents first. */
    static List<JsonNode> readAll(Streams streams, String arn) {
        List<JsonNode> records = new ArrayList<>();
        String start = null;
        do {
            ObjectNode request = json("{}");
            request.put("StreamArn", arn);
            if (start != null) {
                request.put("ExclusiveStartShardId", start);
            }
            JsonNode description = call(streams, "DescribeStream", request).get("StreamDescription");
            for (JsonNode shard : description.get("Shards")) {
                records.addAll(readShard(streams, arn, shard.get("ShardId").asText()));
            }
            start = description.has("LastEvaluatedShardId") ? description.get("LastEvaluatedShardId").asText() : null;
        } while (start != null);
        return records;
    }

    private static List<String> keysOf(List<JsonNode> records) {
        List<String> keys = new ArrayList<>();
        for (JsonNode record : records) {
            keys.add(record.get("dynamodb").get("Keys").get("id").get("S").asText());
        }
        return keys;
    }
}
