package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.DeadLetterTable;
import io.connectorkit.spi.ErrorCode;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A workflow's dead-letter table ({@code trigger.deadLetter: {table: NAME}}) for the {@code streamRecords} trigger:
 * checked with one DescribeTable when the host opens the workflow, in the trigger's region through its connection,
 * then written by the host with this connector's {@code upsertItem}, an item per failed record whose key is
 * {@value DeadLetterTable#KEY}. The table must exist with that key alone, of type S: a host never creates tables.
 */
final class DeadLetterTables {
    /** The workflow field a problem is reported against. */
    static final String DEAD_LETTER = "deadLetter";
    private static final String HOW = "a dead-letter table's key is " + DeadLetterTable.KEY + " (type S) alone, no"
            + " sort key";

    private DeadLetterTables() {
    }

    /**
     * @throws ConnectorException {@code INVALID_INPUT} naming {@code deadLetter} when the table is missing or keyed
     *                            otherwise; the mapped code of any other failure of DescribeTable
     */
    static DeadLetterTable check(DynamoDbClient client, String region, String table) {
        TableDescription description;
        try {
            description = client.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "trigger.deadLetter names table '" + table
                    + "', which does not exist in region " + region + ": create it first (" + HOW + ")",
                    DEAD_LETTER);
        } catch (SdkException e) {
            throw Errors.map(e, "dead-letter table '" + table + "'");
        }
        boolean keyedByRecordId = description.keySchema().size() == 1
                && description.keySchema().get(0).keyType() == KeyType.HASH
                && description.keySchema().get(0).attributeName().equals(DeadLetterTable.KEY)
                && description.attributeDefinitions().stream().anyMatch(d -> d.attributeName()
                        .equals(DeadLetterTable.KEY) && "S".equals(d.attributeTypeAsString()));
        if (!keyedByRecordId) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "trigger.deadLetter names table '" + table
                    + "', whose key is " + key(description) + ": " + HOW, DEAD_LETTER);
        }
        return new DeadLetterTable("upsertItem", Map.of(CommonInputs.REGION, region, CommonInputs.TABLE_NAME,
                description.tableName()), UpsertItemAction.VALUE);
    }

    /** The key schema as {@code id (HASH, N), at (RANGE, S)}. */
    private static String key(TableDescription description) {
        Map<String, String> types = description.attributeDefinitions().stream().collect(Collectors.toMap(
                AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString, (a, b) -> a));
        return description.keySchema().stream().map((KeySchemaElement k) -> k.attributeName() + " ("
                + k.keyTypeAsString() + ", " + types.getOrDefault(k.attributeName(), "?") + ")")
                .collect(Collectors.joining(", "));
    }
}
