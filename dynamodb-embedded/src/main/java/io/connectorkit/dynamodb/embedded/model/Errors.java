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

    // ---- attribute values ----

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

    public static DynamoDbError keyConditionRequired() {
        return DynamoDbError.validation(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }

    public static DynamoDbError missedKeyElement(String name) {
        return DynamoDbError.validation("Query condition missed key schema element: " + name);
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

    public static DynamoDbError batchRequestEmpty(String field) {
        return constraints(List.of(constraint("{}", field,
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
}
