package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import java.util.ArrayList;
import java.util.List;

/** Checks shared by CreateTable and UpdateTable: provisioned throughput and stream specifications. */
final class TableRequests {
    private static final long MAX_UNITS = 1_000_000_000_000L;

    private TableRequests() {
    }

    /** Checks a {@code ProvisionedThroughput} structure's units (both present, at least 1, within bounds). */
    static void checkThroughput(ObjectNode throughput, String path) {
        Long read = Requests.longInteger(throughput, "ReadCapacityUnits");
        Long write = Requests.longInteger(throughput, "WriteCapacityUnits");
        List<String> violations = new ArrayList<>();
        if (read == null) {
            violations.add(Errors.constraint(null, path + ".readCapacityUnits", "Member must not be null"));
        } else if (read < 1) {
            violations.add(Errors.constraint(String.valueOf(read), path + ".readCapacityUnits",
                    "Member must have value greater than or equal to 1"));
        }
        if (write == null) {
            violations.add(Errors.constraint(null, path + ".writeCapacityUnits", "Member must not be null"));
        } else if (write < 1) {
            violations.add(Errors.constraint(String.valueOf(write), path + ".writeCapacityUnits",
                    "Member must have value greater than or equal to 1"));
        }
        if (!violations.isEmpty()) {
            throw Errors.constraints(violations);
        }
        if (read > MAX_UNITS) {
            throw Errors.unitsOutOfBounds(read, "ReadCapacityUnits");
        }
        if (write > MAX_UNITS) {
            throw Errors.unitsOutOfBounds(write, "WriteCapacityUnits");
        }
    }

    /** A stream specification's view type when it turns a stream on, or null when it turns it off. */
    static String streamViewType(ObjectNode specification) {
        Boolean enabled = Requests.bool(specification, "StreamEnabled");
        if (enabled == null) {
            throw Errors.constraints(List.of(Errors.constraint(null, "streamSpecification.streamEnabled",
                    "Member must not be null")));
        }
        String viewType = Requests.enumeration(specification, "StreamViewType", "NEW_IMAGE", "OLD_IMAGE",
                "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
        if (enabled && viewType == null) {
            throw Errors.streamViewTypeRequired();
        }
        if (!enabled && viewType != null) {
            throw Errors.streamViewTypeWhenDisabling();
        }
        return enabled ? viewType : null;
    }

    /** The names in a list of structures' {@code field}. */
    static List<String> names(Iterable<JsonNode> list, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode element : list) {
            names.add(element.path(field).asText());
        }
        return names;
    }
}
