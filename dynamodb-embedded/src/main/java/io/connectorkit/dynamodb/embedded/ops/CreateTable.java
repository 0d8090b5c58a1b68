package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.KeySchema;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import io.connectorkit.dynamodb.embedded.wire.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateTable: the key schema, indexes, billing and stream checked in DynamoDB's order and words. */
final class CreateTable implements Operation {
    private final Engine engine;

    CreateTable(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ArrayNode definitions = Requests.requiredArray(request, "AttributeDefinitions");
        ArrayNode keySchema = Requests.requiredArray(request, "KeySchema");
        String name = Requests.tableName(request, "TableName");
        ArrayNode lsis = Requests.array(request, "LocalSecondaryIndexes");
        ArrayNode gsis = Requests.array(request, "GlobalSecondaryIndexes");
        String billingMode = Requests.enumeration(request, "BillingMode", "PROVISIONED", "PAY_PER_REQUEST");
        ObjectNode throughput = Requests.object(request, "ProvisionedThroughput");
        ObjectNode streamSpecification = Requests.object(request, "StreamSpecification");
        Boolean deletionProtection = Requests.bool(request, "DeletionProtectionEnabled");

        checkShape(definitions, keySchema);
        boolean payPerRequest = "PAY_PER_REQUEST".equals(billingMode);
        if (payPerRequest) {
            if (throughput != null) {
                throw Errors.throughputWithPayPerRequest();
            }
        } else {
            if (throughput == null) {
                throw Errors.provisionedWithoutThroughput();
            }
            TableRequests.checkThroughput(throughput, "provisionedThroughput");
        }

        Map<String, String> types = new HashMap<>();
        for (JsonNode definition : definitions) {
            types.put(definition.path("AttributeName").asText(), definition.path("AttributeType").asText());
        }
        List<String> definitionNames = TableRequests.names(definitions, "AttributeName");
        KeySchema schema = schema(keySchema, types, definitionNames);
        if (lsis == null && gsis == null && keySchema.size() != definitions.size()) {
            throw Errors.attributeDefinitionsMismatch();
        }

        List<Index> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        Set<String> usedAttributes = new HashSet<>(TableRequests.names(keySchema, "AttributeName"));
        if (lsis != null) {
            if (lsis.isEmpty()) {
                throw Errors.emptyLocalIndexes();
            }
            if (schema.rangeName() == null) {
                throw Errors.localIndexWithoutTableRange();
            }
            for (JsonNode lsi : lsis) {
                Index index = index(lsi, false, types, definitionNames, schema, payPerRequest);
                if (index.schema().rangeName() == null) {
                    throw Errors.localIndexWithoutRange(index.name());
                }
                if (!index.schema().hashName().equals(schema.hashName())) {
                    throw Errors.localIndexHashMismatch(index.name(), index.schema().hashName(), schema.hashName());
                }
                if (!indexNames.add(index.name())) {
                    throw Errors.duplicateIndexName(index.name());
                }
                usedAttributes.add(index.schema().rangeName());
                indexes.add(index);
            }
            if (lsis.size() > 5) {
                throw Errors.tooManyLocalIndexes();
            }
        }
        if (gsis != null) {
            if (gsis.isEmpty()) {
                throw Errors.emptyGlobalIndexes();
            }
            for (JsonNode gsi : gsis) {
                Index index = index(gsi, true, types, definitionNames, schema, payPerRequest);
                if (!indexNames.add(index.name())) {
                    throw Errors.duplicateIndexName(index.name());
                }
                usedAttributes.add(index.schema().hashName());
                if (index.schema().rangeName() != null) {
                    usedAttributes.add(index.schema().rangeName());
                }
                indexes.add(index);
            }
            if (gsis.size() > 20) {
                throw Errors.tooManyGlobalIndexes();
            }
        }
        if (!usedAttributes.containsAll(types.keySet())) {
            throw Errors.attributeDefinitionsMismatch();
        }
        String viewType = streamSpecification == null ? null : TableRequests.streamViewType(streamSpecification);

        String arn = "arn:aws:dynamodb:" + RequestContext.region() + ":000000000000:table/" + name;
        Table table = new Table(name, arn, UUID.randomUUID().toString(), schema, definitions.deepCopy(), indexes,
                engine.clock().instant(), payPerRequest ? "PAY_PER_REQUEST" : "PROVISIONED",
                throughput == null ? null : throughput.deepCopy(), engine.streams());
        table.transition("CREATING", engine.tables().createDelayNanos());
        if (deletionProtection != null) {
            table.deletionProtection(deletionProtection);
        }
        table.lock().writeLock().lock();
        try {
            engine.tables().add(table);
            if (viewType != null) {
                String[] stream = engine.streams().enable(name, arn, schema.describe(), viewType);
                table.stream(streamSpecification.deepCopy(), stream[0], stream[1]);
            }
            ObjectNode description = table.describe();
            description.put("TableStatus", "CREATING");
            ObjectNode response = Json.object();
            response.set("TableDescription", description);
            return response;
        } finally {
            table.lock().writeLock().unlock();
        }
    }

    private static void checkShape(ArrayNode definitions, ArrayNode keySchema) {
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            JsonNode definition = definitions.get(i);
            if (!definition.isObject()) {
                throw Errors.unexpectedFieldType();
            }
            String path = "attributeDefinitions." + (i + 1) + ".member";
            String type = Requests.string(definition, "AttributeType");
            Requests.string(definition, "AttributeName");
            if (type == null) {
                violations.add(Errors.constraint(null, path + ".attributeType", "Member must not be null"));
            } else if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
                violations.add(Errors.constraint(type, path + ".attributeType",
                        "Member must satisfy enum value set: [B, N, S]"));
            }
            if (definition.path("AttributeName").isMissingNode()) {
                violations.add(Errors.constraint(null, path + ".attributeName", "Member must not be null"));
            }
        }
        if (keySchema.isEmpty() || keySchema.size() > 2) {
            violations.add(Errors.constraint(ModelledConstraints.keySchemaDump(keySchema), "keySchema",
                    keySchema.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 2"));
        }
        for (int i = 0; i < keySchema.size(); i++) {
            JsonNode key = keySchema.get(i);
            if (!key.isObject()) {
                throw Errors.unexpectedFieldType();
            }
            String path = "keySchema." + (i + 1) + ".member";
            String keyType = Requests.string(key, "KeyType");
            Requests.string(key, "AttributeName");
            if (keyType == null) {
                violations.add(Errors.constraint(null, path + ".keyType", "Member must not be null"));
            } else if (!keyType.equals("HASH") && !keyType.equals("RANGE")) {
                violations.add(Errors.constraint(keyType, path + ".keyType",
                        "Member must satisfy enum value set: [HASH, RANGE]"));
            }
            if (key.path("AttributeName").isMissingNode()) {
                violations.add(Errors.constraint(null, path + ".attributeName", "Member must not be null"));
            }
        }
        if (!violations.isEmpty()) {
            throw Errors.constraints(violations);
        }
    }

    /** A checked key schema (of the table or of an index). */
    static KeySchema schema(ArrayNode keySchema, Map<String, String> types, List<String> definitionNames) {
        List<String> keys = TableRequests.names(keySchema, "AttributeName");
        if (keys.size() > definitionNames.size()) {
            throw Errors.keyWithoutDefinition();
        }
        if (!definitionNames.containsAll(keys)) {
            throw Errors.keysNotDefined(keys, definitionNames);
        }
        if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
            throw Errors.hashAndRangeSameName();
        }
        if (!"HASH".equals(keySchema.get(0).path("KeyType").asText())) {
            throw Errors.firstKeyNotHash();
        }
        if (keys.size() == 2 && !"RANGE".equals(keySchema.get(1).path("KeyType").asText())) {
            throw Errors.secondKeyNotRange();
        }
        String hash = keys.get(0);
        String range = keys.size() == 2 ? keys.get(1) : null;
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    /** A checked index definition of CreateTable or of UpdateTable's Create. */
    static Index index(JsonNode definition, boolean global, Map<String, String> types, List<String> definitionNames,
            KeySchema tableSchema, boolean payPerRequest) {
        if (!definition.isObject()) {
            throw Errors.unexpectedFieldType();
        }
        String indexName = Requests.requiredString(definition, "IndexName");
        if (indexName.length() < 3 || indexName.length() > 255) {
            throw Errors.constraints(List.of(Errors.constraint(indexName, "indexName",
                    "Member must have length greater than or equal to 3")));
        }
        ArrayNode keySchema = Requests.requiredArray(definition, "KeySchema");
        if (keySchema.isEmpty() || keySchema.size() > 2) {
            throw Errors.constraints(List.of(Errors.constraint(keySchema.toString(), "keySchema",
                    "Member must have length less than or equal to 2")));
        }
        KeySchema schema = schema(keySchema, types, definitionNames);
        ObjectNode projection = Requests.requiredObject(definition, "Projection");
        String projectionType = Requests.enumeration(projection, "ProjectionType", "ALL", "KEYS_ONLY", "INCLUDE");
        if (projectionType == null) {
            throw Errors.projectionTypeMissing();
        }
        ArrayNode nonKey = Requests.array(projection, "NonKeyAttributes");
        if (nonKey != null && !"INCLUDE".equals(projectionType)) {
            throw Errors.nonKeyAttributesWithoutInclude(projectionType);
        }
        List<String> nonKeyAttributes = new ArrayList<>();
        if (nonKey != null) {
            for (JsonNode attribute : nonKey) {
                nonKeyAttributes.add(attribute.asText());
            }
        }
        ObjectNode throughput = Requests.object(definition, "ProvisionedThroughput");
        if (global) {
            if (payPerRequest && throughput != null) {
                throw Errors.indexThroughputWithPayPerRequest(indexName);
            }
            if (!payPerRequest) {
                if (throughput == null) {
                    throw Errors.indexWithoutThroughput(indexName);
                }
                TableRequests.checkThroughput(throughput, "globalSecondaryIndexes.member.provisionedThroughput");
            }
        }
        return new Index(indexName, global, schema, tableSchema, projectionType, nonKeyAttributes,
                throughput == null ? JsonNodeFactory.instance.objectNode() : throughput.deepCopy());
    }
}
