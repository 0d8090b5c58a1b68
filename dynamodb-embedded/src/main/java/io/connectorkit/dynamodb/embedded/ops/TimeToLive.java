package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/** UpdateTimeToLive and DescribeTimeToLive: the table's TTL attribute. */
final class TimeToLive {
    private TimeToLive() {
    }

    /** UpdateTimeToLive. */
    static Operation update(Engine engine) {
        return request -> {
            String name = Requests.tableName(request, "TableName");
            ObjectNode specification = Requests.requiredObject(request, "TimeToLiveSpecification");
            String attribute = Requests.string(specification, "AttributeName");
            Boolean enabled = Requests.bool(specification, "Enabled");
            if (attribute == null) {
                throw Errors.required("TimeToLiveSpecification.AttributeName");
            }
            if (enabled == null) {
                throw Errors.required("TimeToLiveSpecification.Enabled");
            }
            if (attribute.isEmpty()) {
                throw Errors.ttlAttributeEmpty();
            }
            Table table = engine.tables().active(name);
            table.lock().writeLock().lock();
            try {
                String current = table.ttlAttribute();
                if (enabled && current != null) {
                    throw Errors.ttlAlreadyEnabled();
                }
                if (!enabled && current == null) {
                    throw Errors.ttlAlreadyDisabled();
                }
                if (!enabled && !current.equals(attribute)) {
                    throw Errors.ttlAttributeMismatch();
                }
                table.ttl(enabled ? attribute : null);
            } finally {
                table.lock().writeLock().unlock();
            }
            ObjectNode response = Json.object();
            response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
            return response;
        };
    }

    /** DescribeTimeToLive. */
    static Operation describe(Engine engine) {
        return request -> {
            Table table = engine.tables().require(Requests.tableName(request, "TableName"));
            ObjectNode response = Json.object();
            ObjectNode description = response.putObject("TimeToLiveDescription");
            String attribute = table.ttlAttribute();
            if (attribute == null) {
                description.put("TimeToLiveStatus", "DISABLED");
            } else {
                description.put("TimeToLiveStatus", "ENABLED");
                description.put("AttributeName", attribute);
            }
            return response;
        };
    }
}
