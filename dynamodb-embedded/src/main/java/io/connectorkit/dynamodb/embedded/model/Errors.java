package io.connectorkit.dynamodb.embedded.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * Every error the engine's own packages answer, in DynamoDB's words (as dynalite recorded them against live
 * DynamoDB). Each sentence is written here once; operations call these factories and never build a message inline.
 */
public final class Errors {
    /** DynamoDB's own namespace for its service errors. */
    public static final String DYNAMODB_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";
    /** The namespace of the request front end's errors (serialization, unknown operation, authentication). */
    public static final String CORAL_SERVICE_NAMESPACE = "com.amazon.coral.service#";
    /** The namespace of constraint validation errors. */
    public static final String CORAL_VALIDATE_NAMESPACE = "com.amazon.coral.validate#";

    private static final String INVALID = "One or more parameter values were invalid: ";

    private Errors() {
    }

    /** The namespace DynamoDB puts before a type in {@code __type}. */
    public static String namespaceOf(String type) {
        switch (type) {
            case "ValidationException":
                return CORAL_VALIDATE_NAMESPACE;
            case "SerializationException":
            case "UnknownOperationException":
            case "MissingAuthenticationTokenException":
            case "IncompleteSignatureException":
            case "InvalidSignatureException":
                return CORAL_SERVICE_NAMESPACE;
            default:
                return DYNAMODB_NAMESPACE;
        }
    }

    // ---- the front end ----

    public static DynamoDbError serialization(String message) {
        return new DynamoDbError("SerializationException", message);
    }

    public static DynamoDbError unknownOperation() {
        return new DynamoDbError("UnknownOperationException", "An unknown operation was requested.");
    }

    public static DynamoDbError missingAuthenticationToken() {
        return new DynamoDbError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    public static DynamoDbError requestTooLarge(long limit) {
        return new DynamoDbError("RequestEntityTooLarge",
                "Request size exceeds the maximum allowed size of " + limit + " bytes", 413, null);
    }

    public static DynamoDbError internal() {
        return new DynamoDbError("InternalServerError", "Internal server error", 500, null);
    }

    // ---- shapes of a request ----

    public static DynamoDbError required(String parameter) {
        return DynamoDbError.validation(
                "The parameter '" + parameter + "' is required but was not present in the request");
    }

    public static DynamoDbError notConvertible(String jsonKind, String javaType) {
        return serialization(jsonKind + " cannot be converted to " + javaType);
    }

    public static DynamoDbError unexpectedStructure() {
        return serialization("Start of structure or map found where not expected");
    }

    public static DynamoDbError unexpectedList(String javaType) {
        return serialization("Unrecognized collection type class " + javaType);
    }

    /** A list where the model has a map of attribute values (Item, Key, ...): DynamoDB names the generic type. */
    public static DynamoDbError unexpectedListForAttributeMap() {
        return serialization("Unrecognized collection type java.util.Map<java.lang.String, "
                + "com.amazonaws.dynamodb.v20120810.AttributeValue>");
    }

    public static DynamoDbError unexpectedFieldType() {
        return serialization("Unexpected field type");
    }

    public static DynamoDbError unexpectedValueType() {
        return serialization("Unexpected value type in payload");
    }

    public static DynamoDbError notBase64(int length) {
        return serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + length);
    }

    public static DynamoDbError invalidBase64() {
        return serialization("Invalid last non-pad Base64 character dectected");
    }

    /** One or more "Value 'x' at 'y' failed to satisfy constraint: z" sentences, as DynamoDB joins them. */
    public static DynamoDbError constraints(List<String> violations) {
        return DynamoDbError.validation(violations.size() + " validation error" + (violations.size() > 1 ? "s" : "")
                + " detected: " + String.join("; ", violations));
    }

    public static String constraint(String value, String path, String rule) {
        return "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + path
                + "' failed to satisfy constraint: " + rule;
    }

    public static DynamoDbError tableNameLength(String parameter) {
        return DynamoDbError.validation(
                parameter + " must be at least 3 characters long and at most 255 characters long");
    }

    // ---- modelled constraints and tags (ops/ModelledConstraints, ops/Tagging) ----

    /** A violation DynamoDB words without the offending value (Query's Limit, BatchGetItem's Keys). */
    public static String constraintWithoutValue(String path, String rule) {
        return "Value at '" + path + "' failed to satisfy constraint: " + rule;
    }

    public static DynamoDbError requestItemsRequired(String operation) {
        return DynamoDbError.validation("The requestItems parameter is required for " + operation);
    }

    public static DynamoDbError invalidResourceArn(String arn) {
        return DynamoDbError.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    public static DynamoDbError noTags() {
        return DynamoDbError.validation("Atleast one Tag needs to be provided as Input.");
    }

    public static DynamoDbError noTagKeys() {
        return DynamoDbError.validation("Atleast one Tag Key needs to be provided as Input.");
    }

    /** The answer to a tagging request on an ARN that names none of the caller's tables. */
    public static DynamoDbError taggingAccessDenied(String action, String arn) {
        return new DynamoDbError("AccessDeniedException", "User: arn:aws:iam::000000000000:user/embedded is not "
                + "authorized to perform: dynamodb:" + action + " on resource: " + arn
                + " because no identity-based policy allows the dynamodb:" + action + " action", 400, null);
    }

    // ---- attribute values ----

    /**
     * A map with an empty key. DynamoDB's limits say an attribute name is at least one character long, and map keys
     * are names in document paths; DynamoDB Local refused one. The exact sentence was not captured: this one is ours.
     */
    public static DynamoDbError emptyMapKey() {
        return DynamoDbError.validation(INVALID + "An attribute name in a map must be at least one character long");
    }

    public static DynamoDbError emptyAttributeValue() {
        return DynamoDbError.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    public static DynamoDbError moreThanOneDatatype() {
        return DynamoDbError.validation("Supplied AttributeValue has more than one datatypes set, "
                + "must contain exactly one of the supported datatypes");
    }

    public static DynamoDbError nullMustBeTrue() {
        return DynamoDbError.validation(INVALID + "Null attribute value types must have the value of true");
    }

    public static DynamoDbError emptySet(String type) {
        switch (type) {
            case "SS":
                return DynamoDbError.validation(INVALID + "An string set  may not be empty");
            case "NS":
                return DynamoDbError.validation(INVALID + "An number set  may not be empty");
            default:
                return DynamoDbError.validation(INVALID + "Binary sets should not be empty");
        }
    }

    public static DynamoDbError duplicateSetMembers(String type, String members) {
        switch (type) {
            case "SS":
                return DynamoDbError.validation(INVALID + "Input collection " + members + " contains duplicates.");
            case "NS":
                return DynamoDbError.validation("Input collection contains duplicates");
            default:
                return DynamoDbError.validation(
                        INVALID + "Input collection " + members + "of type BS contains duplicates.");
        }
    }

    public static DynamoDbError numberMissing() {
        return DynamoDbError.validation("The parameter cannot be converted to a numeric value");
    }

    public static DynamoDbError nestingTooDeep() {
        return DynamoDbError.validation("Nesting Levels have exceeded supported limits: "
                + "Attributes in the item have nested levels beyond supported limit");
    }

    public static DynamoDbError itemTooLarge() {
        return DynamoDbError.validation("Item size has exceeded the maximum allowed size");
    }

    public static DynamoDbError itemTooLargeAfterUpdate() {
        return DynamoDbError.validation("Item size to update has exceeded the maximum allowed size");
    }

    // ---- keys ----

    public static DynamoDbError keyMismatch() {
        return DynamoDbError.validation("The provided key element does not match the schema");
    }

    public static DynamoDbError missingKeyInItem(String name) {
        return DynamoDbError.validation(INVALID + "Missing the key " + name + " in the item");
    }

    public static DynamoDbError keyTypeMismatch(String name, String expected, String actual) {
        return DynamoDbError.validation(
                INVALID + "Type mismatch for key " + name + " expected: " + expected + " actual: " + actual);
    }

    public static DynamoDbError indexKeyTypeMismatch(String name, String expected, String actual, String index) {
        return DynamoDbError.validation(INVALID + "Type mismatch for Index Key " + name + " Expected: " + expected
                + " Actual: " + actual + " IndexName: " + index);
    }

    public static DynamoDbError emptyKeyInItem(String name, String type) {
        return DynamoDbError.validation("One or more parameter values are not valid. The AttributeValue for a key "
                + "attribute cannot contain an empty " + ("S".equals(type) ? "string" : "binary") + " value. Key: "
                + name);
    }

    public static DynamoDbError emptyKey(String name, String type) {
        return DynamoDbError.validation(INVALID + "The AttributeValue for a key attribute cannot contain an empty "
                + ("S".equals(type) ? "string" : "binary") + " value. Key: " + name);
    }

    public static DynamoDbError hashKeyTooLarge() {
        return DynamoDbError.validation(INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }

    public static DynamoDbError rangeKeyTooLarge() {
        return DynamoDbError.validation(
                INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    public static DynamoDbError cannotUpdateKey(String name) {
        return DynamoDbError.validation(
                INVALID + "Cannot update attribute " + name + ". This attribute is part of the key");
    }

    public static DynamoDbError invalidStartKey() {
        return DynamoDbError.validation("The provided starting key is invalid");
    }

    public static DynamoDbError invalidStartKey(String reason) {
        return DynamoDbError.validation("The provided starting key is invalid: " + reason);
    }

    public static DynamoDbError startKeyOutsideQuery() {
        return DynamoDbError.validation(
                "The provided starting key is outside query boundaries based on provided conditions");
    }

    // ---- tables ----

    public static DynamoDbError tableNotFound() {
        return new DynamoDbError("ResourceNotFoundException", "Requested resource not found");
    }

    public static DynamoDbError tableNotFound(String name) {
        return new DynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found");
    }

    public static DynamoDbError tableExists(String name) {
        return new DynamoDbError("ResourceInUseException", "Table already exists: " + name);
    }

    public static DynamoDbError tableBeingCreated(String name) {
        return new DynamoDbError("ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being created: " + name);
    }

    public static DynamoDbError tableBeingUpdated(String name) {
        return new DynamoDbError("ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being updated: " + name);
    }

    public static DynamoDbError tableBeingDeleted(String name) {
        return new DynamoDbError("ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being deleted: " + name);
    }

    public static DynamoDbError deletionProtected(String arn) {
        return DynamoDbError.validation("Resource cannot be deleted as it is currently protected against deletion. "
                + "Disable deletion protection first.");
    }

    public static DynamoDbError noSuchIndex(String index) {
        return DynamoDbError.validation("The table does not have the specified index: " + index);
    }

    public static DynamoDbError consistentReadOnGsi() {
        return DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
    }

    public static DynamoDbError selectAllOnProjectedGsi(String index) {
        return DynamoDbError.validation(INVALID + "Select type ALL_ATTRIBUTES is not supported for global "
                + "secondary index " + index + " because its projection type is not ALL");
    }

    public static DynamoDbError invalid(String rest) {
        return DynamoDbError.validation(INVALID + rest);
    }

    public static DynamoDbError keysNotDefined(Collection<String> keys, Collection<String> definitions) {
        return invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                + String.join(", ", keys) + "], AttributeDefinitions: [" + String.join(", ", definitions) + "]");
    }

    public static DynamoDbError validation(String message) {
        return DynamoDbError.validation(message);
    }

    public static DynamoDbError limitExceeded(String message) {
        return new DynamoDbError("LimitExceededException", message);
    }

    // ---- conditions and capacity ----

    public static DynamoDbError conditionalCheckFailed(ObjectNode extra) {
        return new DynamoDbError("ConditionalCheckFailedException", "The conditional request failed", 400, extra);
    }

    public static DynamoDbError throughputExceeded() {
        return new DynamoDbError("ProvisionedThroughputExceededException", "The level of configured provisioned "
                + "throughput for the table was exceeded. Consider increasing your provisioning level with the "
                + "UpdateTable API");
    }

    // ---- batches and transactions ----

    public static DynamoDbError duplicateBatchKeys() {
        return DynamoDbError.validation("Provided list of item keys contains duplicates");
    }

    public static DynamoDbError transactionDuplicateItem() {
        return DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
    }

    public static DynamoDbError transactionCanceled(List<String> codes, ObjectNode extra) {
        return new DynamoDbError("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons ["
                        + String.join(", ", codes) + "]", 400, extra);
    }

    public static DynamoDbError idempotentMismatch() {
        return new DynamoDbError("IdempotentParameterMismatchException", "Request token is already in use "
                + "with different request parameters");
    }

    // ---- reads ----

    /** Query wraps these in the constraint envelope; Scan sends them bare (as captured against DynamoDB). */
    private static DynamoDbError readRule(boolean query, String message) {
        return DynamoDbError.validation(query ? "1 validation error detected: " + message : message);
    }

    public static DynamoDbError selectNeedsProjection(boolean query) {
        return readRule(query,
                "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    }

    public static DynamoDbError projectionNeedsSpecificSelect(boolean query, String select) {
        return readRule(query, "Cannot specify the ProjectionExpression when choosing to get "
                + ("COUNT".equals(select) ? "only the Count" : select));
    }

    public static DynamoDbError allProjectedNeedsIndex(boolean query) {
        return readRule(query, "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }


    public static DynamoDbError missedKeyElement(String name) {
        return DynamoDbError.validation("Query condition missed key schema element: " + name);
    }

    public static DynamoDbError keyAttributeInFilter(String name) {
        return DynamoDbError.validation(
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + name);
    }

    public static DynamoDbError keyConditionNotSupported() {
        return DynamoDbError.validation("Query key condition not supported");
    }

    public static DynamoDbError conditionTypeMismatch() {
        return invalid("Condition parameter type does not match schema type");
    }

    public static DynamoDbError beginsWithOnNumber(String type) {
        return DynamoDbError.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                + "function; operator or function: begins_with, operand type: " + type);
    }

    public static DynamoDbError betweenBounds(String low, String high) {
        return DynamoDbError.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound "
                + "to be greater than or equal to lower bound; lower operand: AttributeValue: " + low
                + ", upper operand: AttributeValue: " + high);
    }

    public static DynamoDbError segmentWithoutTotal() {
        return DynamoDbError.validation("The TotalSegments parameter is required but was not present in the request "
                + "when Segment parameter is present");
    }

    public static DynamoDbError totalWithoutSegment() {
        return DynamoDbError.validation("The Segment parameter is required but was not present in the request when "
                + "parameter TotalSegments is present");
    }

    public static DynamoDbError segmentOutOfRange(long segment, long total) {
        return DynamoDbError.validation("The Segment parameter is zero-based and must be less than parameter "
                + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
    }

    public static DynamoDbError tooManyBatchGetKeys() {
        return DynamoDbError.validation("Too many items requested for the BatchGetItem call");
    }

    public static DynamoDbError tooManyBatchWrites() {
        return DynamoDbError.validation("Too many items requested for the BatchWriteItem call");
    }

    /** An empty map ({@code {}}) or list ({@code []}) where a batch needs at least one entry. */
    public static DynamoDbError batchRequestEmpty(String empty, String field) {
        return constraints(List.of(constraint(empty, field,
                "Member must have length greater than or equal to 1")));
    }

    public static DynamoDbError writeRequestEmpty() {
        return DynamoDbError.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                + "exactly one of the supported datatypes");
    }

    public static DynamoDbError transactionTooLarge() {
        return DynamoDbError.validation("Transaction request size exceeds the maximum allowed size of 4 MB");
    }

    public static DynamoDbError transactItemsCount(int count, String field) {
        return constraints(List.of(constraint("[...]", field, count < 1
                ? "Member must have length greater than or equal to 1"
                : "Member must have length less than or equal to 100")));
    }

    public static DynamoDbError transactItemNeedsOneAction() {
        return invalid("TransactItems can only contain one of Check, Put, Update or Delete");
    }

    // ---- table definitions, TTL, and other operation messages ----

    public static DynamoDbError returnValuesAllOldOrNone() {
        return validation("ReturnValues can only be ALL_OLD or NONE");
    }

    public static DynamoDbError ttlAttributeEmpty() {
        return validation("TimeToLiveSpecification.AttributeName must not be empty");
    }

    public static DynamoDbError ttlAlreadyEnabled() {
        return validation("TimeToLive is already enabled");
    }

    public static DynamoDbError ttlAlreadyDisabled() {
        return validation("TimeToLive is already disabled");
    }

    public static DynamoDbError ttlAttributeMismatch() {
        return validation("The provided TTL attribute name does not match the TTL attribute name of the table");
    }

    public static DynamoDbError streamViewTypeWhenDisabling() {
        return validation("One or more parameter values were invalid: You cannot specify a "
                + "StreamViewType when disabling "
                + "a stream");
    }

    public static DynamoDbError invalidExpressionValue(Object reason, Object placeholder) {
        return validation("ExpressionAttributeValues contains invalid value: " + reason + " for key " + placeholder);
    }

    public static DynamoDbError emptyIndexKey(Object type, Object index, Object attribute) {
        return validation("One or more parameter values are not valid. A value specified for a secondary index key "
                + "is not supported. The AttributeValue for a key attribute cannot contain an empty "
                + "" + type + " value. "
                + "IndexName: " + index + ", IndexKey: " + attribute);
    }

    public static DynamoDbError emptyIndexKeyByUpdate(Object type) {
        return validation("One or more parameter values are not valid. The update expression attempted to update a "
                + "secondary index key to a value that is not supported. The AttributeValue for a key attribute "
                + "cannot contain an empty " + type + " value.");
    }

    public static DynamoDbError throughputWithPayPerRequest() {
        return invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                + "BillingMode is PAY_PER_REQUEST");
    }

    public static DynamoDbError provisionedWithoutThroughput() {
        return invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode "
                + "is PROVISIONED");
    }

    public static DynamoDbError attributeDefinitionsMismatch() {
        return invalid("Number of attributes in KeySchema does not exactly match number of attributes "
                + "defined in AttributeDefinitions");
    }

    public static DynamoDbError emptyLocalIndexes() {
        return invalid("List of LocalSecondaryIndexes is empty");
    }

    public static DynamoDbError localIndexWithoutTableRange() {
        return invalid("Table KeySchema does not have a range key, which is required when specifying a "
                + "LocalSecondaryIndex");
    }

    public static DynamoDbError localIndexWithoutRange(Object index) {
        return invalid("Index KeySchema does not have a range key for index: " + index);
    }

    public static DynamoDbError localIndexHashMismatch(Object index, Object indexHash, Object tableHash) {
        return invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: " +
                index + ". index hash key: " + indexHash + ", table hash key: " + tableHash);
    }

    public static DynamoDbError duplicateIndexName(Object index) {
        return invalid("Duplicate index name: " + index);
    }

    public static DynamoDbError tooManyLocalIndexes() {
        return invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }

    public static DynamoDbError emptyGlobalIndexes() {
        return invalid("List of GlobalSecondaryIndexes is empty");
    }

    public static DynamoDbError tooManyGlobalIndexes() {
        return invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }

    public static DynamoDbError keyWithoutDefinition() {
        return validation("Invalid KeySchema: Some index key attribute have no definition");
    }

    public static DynamoDbError hashAndRangeSameName() {
        return validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    public static DynamoDbError firstKeyNotHash() {
        return validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    public static DynamoDbError secondKeyNotRange() {
        return validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }

    public static DynamoDbError projectionTypeMissing() {
        return invalid("Unknown ProjectionType: null");
    }

    public static DynamoDbError nonKeyAttributesWithoutInclude(Object projectionType) {
        return invalid("ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
    }

    public static DynamoDbError indexThroughputWithPayPerRequest(Object index) {
        return invalid("ProvisionedThroughput should not be specified for index: " + index + " when BillingMode is "
                + "PAY_PER_REQUEST");
    }

    public static DynamoDbError indexWithoutThroughput(Object index) {
        return invalid("ProvisionedThroughput must be specified for index: " + index);
    }

    public static DynamoDbError nothingToUpdate() {
        return validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                + "GlobalSecondaryIndexUpdates "
                + "or SSESpecification or ReplicaUpdates is required");
    }

    public static DynamoDbError provisionedUpdateWithoutThroughput() {
        return invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }

    public static DynamoDbError indexUpdateWithoutAction() {
        return invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                + "GlobalSecondaryIndexUpdate.Delete "
                + "must not be null");
    }

    public static DynamoDbError oneUpdatePerIndex(Object index) {
        return invalid("Only one global secondary index update per index is allowed simultaneously. Index: " + index);
    }

    public static DynamoDbError throughputUnchanged(Object currentRead, Object read, Object currentWrite,
            Object write) {
        return validation("The provisioned throughput for the table will not change. The requested value equals the "
                + "current value. Current ReadCapacityUnits provisioned for the table: "
                + "" + currentRead + ". Requested "
                + "ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the "
                + "table: " + currentWrite
                + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB Developer Guide for "
                + "current limits and how to request higher limits.");
    }

    public static DynamoDbError streamAlreadyEnabled(Object table) {
        return validation("Table already has an enabled stream: TableName: " + table);
    }

    public static DynamoDbError streamAlreadyDisabled(Object table) {
        return validation("Table already has no enabled stream: TableName: " + table);
    }

    public static DynamoDbError attributeTypeChanged(Object attribute) {
        return invalid("Cannot change the type of attribute " + attribute);
    }

    public static DynamoDbError unitsOutOfBounds(long value, String units) {
        return validation("Given value " + value + " for " + units + " is out of bounds");
    }

    public static DynamoDbError streamViewTypeRequired() {
        return invalid("You must specify a StreamViewType when enabling a stream");
    }

    public static DynamoDbError indexNotFound(String index) {
        return new DynamoDbError("ResourceNotFoundException", "Requested resource not found: Index: " + index
                + " not found");
    }

    public static DynamoDbError globalIndexLimit() {
        return limitExceeded("Subscriber limit exceeded: Only 20 global secondary indexes are allowed per table");
    }
}
