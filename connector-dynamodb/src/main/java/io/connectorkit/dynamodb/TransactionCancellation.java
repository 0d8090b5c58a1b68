package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A cancelled transaction as the connector reports it: DynamoDB answers with one reason per entry, in order, and
 * the error names each entry that had one, by index, operation and table, so that a workflow's author sees which
 * condition failed. The code follows the reasons: a failed condition is {@code CONDITION_FAILED}; otherwise
 * throttling is {@code THROTTLED}, a validation error {@code INVALID_INPUT}, anything else (a conflict with another
 * transaction, say) {@code SERVICE_ERROR}, which a host may retry.
 */
final class TransactionCancellation {
    private static final String NONE = "None";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final Set<String> THROTTLED = Set.of("ThrottlingError", "ProvisionedThroughputExceeded",
            "RequestLimitExceeded");
    private static final String VALIDATION = "ValidationError";
    /** Without parsed reasons DynamoDB still lists them in its message: "... [None, ConditionalCheckFailed]". */
    private static final Pattern LISTED = Pattern.compile("\\[([A-Za-z]+(?:,\\s*[A-Za-z]+)*)]");

    private TransactionCancellation() {
    }

    /**
     * The error to throw for a failed transaction: {@code error} itself unless DynamoDB cancelled the transaction,
     * else an error naming each entry with a reason.
     *
     * @param error    the mapped failure of the transact request
     * @param entries  how messages name each entry, in the request's order, e.g. {@code entry [1] Put on table 't'}
     * @param inputKey the input that holds the entries, blamed for a validation error
     */
    public static ConnectorException named(ConnectorException error, List<String> entries, String inputKey) {
        if (!(error.getCause() instanceof TransactionCanceledException cancelled)) {
            return error;
        }
        List<String> codes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        if (cancelled.hasCancellationReasons()) {
            for (CancellationReason reason : cancelled.cancellationReasons()) {
                codes.add(reason.code());
                messages.add(reason.message());
            }
        } else {
            Matcher listed = LISTED.matcher(String.valueOf(cancelled.getMessage()));
            if (listed.find()) {
                for (String code : listed.group(1).split(",\\s*")) {
                    codes.add(code);
                    messages.add(null);
                }
            }
        }
        List<String> named = new ArrayList<>();
        ErrorCode code = ErrorCode.SERVICE_ERROR;
        for (int i = 0; i < codes.size(); i++) {
            String reason = codes.get(i);
            if (reason == null || reason.equals(NONE)) {
                continue;
            }
            String message = messages.get(i);
            named.add((i < entries.size() ? entries.get(i) : "entry [" + i + "]") + ": " + reason
                    + (message == null || message.isBlank() ? "" : " (" + Errors.scrub(message) + ")"));
            code = worse(code, reason);
        }
        if (named.isEmpty()) {
            return error;
        }
        String message = "transaction cancelled, so none of it applied: " + String.join("; ", named);
        return new ConnectorException(code, message, code == ErrorCode.INVALID_INPUT ? inputKey : null, cancelled);
    }

    /** The code the reasons so far call for: a failed condition outranks throttling, which outranks validation. */
    private static ErrorCode worse(ErrorCode current, String reason) {
        if (current == ErrorCode.CONDITION_FAILED || reason.equals(CONDITION_FAILED)) {
            return ErrorCode.CONDITION_FAILED;
        }
        if (current == ErrorCode.THROTTLED || THROTTLED.contains(reason)) {
            return ErrorCode.THROTTLED;
        }
        if (current == ErrorCode.INVALID_INPUT || reason.equals(VALIDATION)) {
            return ErrorCode.INVALID_INPUT;
        }
        return current;
    }
}
