package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: billing mode, provisioned throughput, streams, deletion protection and global secondary indexes
 * (create, update, delete). The table answers {@code UPDATING} for the update delay.
 */
final class UpdateTable implements Operation {
    private final Engine engine;

    UpdateTable(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String name = Requests.tableName(request, "TableName");
        String billingMode = Requests.enumeration(request, "BillingMode", "PROVISIONED", "PAY_PER_REQUEST");
        ObjectNode throughput = Requests.object(request, "ProvisionedThroughput");
        ObjectNode streamSpecification = Requests.object(request, "StreamSpecification");
        ArrayNode indexUpdates = Requests.array(request, "GlobalSecondaryIndexUpdates");
        ArrayNode definitions = Requests.array(request, "AttributeDefinitions");
        Boolean deletionProtection = Requests.bool(request, "DeletionProtectionEnabled");
        if (throughput != null) {
            TableRequests.checkThroughput(throughput, "provisionedThroughput");
        }
        if (throughput == null && billingMode == null && streamSpecification == null && deletionProtection == null
                && (indexUpdates == null || indexUpdates.isEmpty()) && request.get("SSESpecification") == null
                && request.get("TableClass") == null) {
            throw Errors.nothingToUpdate();
        }
        if ("PROVISIONED".equals(billingMode) && throughput == null) {
            throw Errors.provisionedUpdateWithoutThroughput();
        }
        Set<String> updatedIndexes = new HashSet<>();
        if (indexUpdates != null) {
            for (JsonNode update : indexUpdates) {
                JsonNode action = update.has("Create") ? update.get("Create")
                        : update.has("Update") ? update.get("Update") : update.get("Delete");
                if (action == null) {
                    throw Errors.indexUpdateWithoutAction();
                }
                String indexName = action.path("IndexName").asText();
                if (!updatedIndexes.add(indexName)) {
                    throw Errors.oneUpdatePerIndex(indexName);
                }
            }
        }
        String viewType = streamSpecification == null ? null : TableRequests.streamViewType(streamSpecification);

        Table table = engine.tables().require(name);
        table.lock().writeLock().lock();
        try {
            String status = table.status();
            if (!"ACTIVE".equals(status)) {
                throw "CREATING".equals(status) ? Errors.tableBeingCreated(name)
                        : "DELETING".equals(status) ? Errors.tableBeingDeleted(name) : Errors.tableBeingUpdated(name);
            }
            String currentMode = table.billingMode();
            String newMode = billingMode == null ? currentMode : billingMode;
            if (throughput != null && "PAY_PER_REQUEST".equals(newMode)) {
                throw Errors.throughputWithPayPerRequest();
            }
            if ("PROVISIONED".equals(newMode) && !"PROVISIONED".equals(currentMode) && throughput == null) {
                throw Errors.provisionedUpdateWithoutThroughput();
            }
            if (throughput != null && "PROVISIONED".equals(currentMode) && "PROVISIONED".equals(newMode)) {
                ObjectNode current = table.provisionedThroughput();
                long read = current.path("ReadCapacityUnits").asLong();
                long write = current.path("WriteCapacityUnits").asLong();
                if (read == throughput.path("ReadCapacityUnits").asLong()
                        && write == throughput.path("WriteCapacityUnits").asLong()) {
                    throw Errors.throughputUnchanged(read, throughput.path("ReadCapacityUnits").asLong(), write,
                            throughput.path("WriteCapacityUnits").asLong());
                }
            }
            boolean streamOn = table.streamSpecification() != null
                    && table.streamSpecification().path("StreamEnabled").asBoolean();
            if (streamSpecification != null) {
                if (viewType != null && streamOn) {
                    throw Errors.streamAlreadyEnabled(name);
                }
                if (viewType == null && !streamOn) {
                    throw Errors.streamAlreadyDisabled(name);
                }
            }
            if (indexUpdates != null) {
                applyIndexUpdates(table, indexUpdates, definitions, newMode);
            }
            if (billingMode != null || throughput != null) {
                table.billing(newMode, "PAY_PER_REQUEST".equals(newMode) ? null : throughput.deepCopy(),
                        engine.clock().instant());
            }
            if (streamSpecification != null) {
                if (viewType != null) {
                    String[] stream = engine.streams().enable(name, table.arn(), table.schema().describe(), viewType);
                    table.stream(streamSpecification.deepCopy(), stream[0], stream[1]);
                } else {
                    engine.streams().disable(name);
                    table.stream(streamSpecification.deepCopy(), null, null);
                }
            }
            if (deletionProtection != null) {
                table.deletionProtection(deletionProtection);
            }
            table.transition("UPDATING", engine.tables().updateDelayNanos());
            ObjectNode description = table.describe();
            if (engine.tables().updateDelayNanos() > 0) {
                description.put("TableStatus", "UPDATING");
            }
            ObjectNode response = Json.object();
            response.set("TableDescription", description);
            return response;
        } finally {
            table.lock().writeLock().unlock();
        }
    }

    private void applyIndexUpdates(Table table, ArrayNode updates, ArrayNode definitions, String billingMode) {
        Map<String, String> types = new HashMap<>();
        for (JsonNode definition : table.attributeDefinitions()) {
            types.put(definition.path("AttributeName").asText(), definition.path("AttributeType").asText());
        }
        if (definitions != null) {
            for (JsonNode definition : definitions) {
                String attribute = definition.path("AttributeName").asText();
                String type = definition.path("AttributeType").asText();
                String known = types.get(attribute);
                if (known != null && !known.equals(type)) {
                    throw Errors.attributeTypeChanged(attribute);
                }
                if (known == null) {
                    types.put(attribute, type);
                    table.attributeDefinitions().add(definition.deepCopy());
                }
            }
        }
        List<String> definitionNames = List.copyOf(types.keySet());
        for (JsonNode update : updates) {
            if (update.has("Create")) {
                Index index = CreateTable.index(update.get("Create"), true, types, definitionNames, table.schema(),
                        "PAY_PER_REQUEST".equals(billingMode));
                if (table.index(index.name()) != null) {
                    throw Errors.duplicateIndexName(index.name());
                }
                if (table.indexes().stream().filter(Index::global).count() >= 20) {
                    throw Errors.globalIndexLimit();
                }
                table.addIndex(index, engine.tables().updateDelayNanos());
            } else if (update.has("Delete")) {
                String indexName = update.get("Delete").path("IndexName").asText();
                Index index = table.index(indexName);
                if (index == null || !index.global()) {
                    throw Errors.indexNotFound(indexName);
                }
                table.removeIndex(index);
            } else {
                JsonNode change = update.get("Update");
                String indexName = change.path("IndexName").asText();
                Index index = table.index(indexName);
                if (index == null || !index.global()) {
                    throw Errors.indexNotFound(indexName);
                }
                ObjectNode throughput = Requests.requiredObject(change, "ProvisionedThroughput");
                TableRequests.checkThroughput(throughput, "globalSecondaryIndexUpdates.member.update."
                        + "provisionedThroughput");
                table.indexThroughput(index, throughput.deepCopy());
            }
        }
    }
}
