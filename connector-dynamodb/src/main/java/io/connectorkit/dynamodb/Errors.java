package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Turns an AWS SDK exception into the connector's {@link ConnectorException} with the code the README's
 * embedding example lists ({@code e.code()}), keeping the service's own error code and message and never a secret.
 */
final class Errors {
    private static final Set<String> NOT_FOUND = Set.of(
            "ResourceNotFoundException", "TableNotFoundException", "IndexNotFoundException");
    private static final Set<String> THROTTLED = Set.of(
            "ProvisionedThroughputExceededException", "ThrottlingException", "Throttling", "RequestLimitExceeded",
            "RequestLimitExceededException", "TooManyRequestsException");
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
            "SignatureDoesNotMatch", "IncompleteSignatureException", "IncompleteSignature",
            "MissingAuthenticationTokenException", "MissingAuthenticationToken", "ExpiredTokenException",
            "ExpiredToken", "InvalidClientTokenId", "InvalidAccessKeyId");
    private static final Set<String> INVALID_INPUT = Set.of("ValidationException");
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** DynamoDB reports a missing index as a ValidationException, not as a missing resource. */
    private static final String MISSING_INDEX = "does not have the specified index";
    /** How DynamoDB (and local engines, each in its own words) refuses a key built from a schema that changed. */
    private static final List<String> KEY_MISMATCH = List.of("key element does not match the schema",
            "Type mismatch for key", "One of the required keys was not given a value");

    /** AWS echoes the canonical request (signed headers, the session token among them) in signature errors. */
    private static final Pattern SIGNATURE_DETAILS = Pattern.compile(
            "(?is)\\s*The (Canonical String|String-to-Sign) for this request should have been.*");
    private static final Pattern TOKEN = Pattern.compile("(?i)(x-amz-security-token\\s*[:=]\\s*)[^\\s&'\"]+");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(signature\\s*=\\s*)[0-9a-f]{16,}");

    private Errors() {
    }

    /**
     * Maps an SDK failure.
     *
     * @param e       what the SDK threw
     * @param subject what the request addressed, as messages name it, e.g. {@code table 'orders'}
     * @return the error to throw, with {@code e} as its cause
     */
    public static ConnectorException map(SdkException e, String subject) {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(subject, "subject");
        Optional<AssumeRoleFailure> role = find(e, AssumeRoleFailure.class);
        Optional<StsException> sts = find(e, StsException.class);
        if (sts.isPresent()) {
            return assumeRoleFailure(e, role, sts.get(), subject);
        }
        if (find(e, ApiCallTimeoutException.class).isPresent() || find(e, ApiCallAttemptTimeoutException.class)
                .isPresent()) {
            return error(ErrorCode.TIMEOUT, subject + ": no answer within the configured timeout: " + scrub(
                    String.valueOf(e.getMessage())), e);
        }
        Optional<SdkServiceException> service = find(e, SdkServiceException.class);
        if (service.isPresent()) {
            return serviceFailure(service.get(), subject, e);
        }
        return error(ErrorCode.SERVICE_ERROR, subject + ": " + role.map(AssumeRoleFailure::describe)
                .orElseGet(() -> describe(e)), e);
    }

    /**
     * Whether DynamoDB refused a request because its key does not match the table's key schema (another key name,
     * or another key type): the table was recreated with another key since the schema was read. Read from the
     * SDK's exception, which the mapped error may no longer carry. A transaction is cancelled rather than refused,
     * with the mismatch as the reason of its entry.
     */
    public static boolean isKeyMismatch(SdkException e) {
        Optional<TransactionCanceledException> cancelled = find(e, TransactionCanceledException.class);
        if (cancelled.isPresent() && cancelled.get().hasCancellationReasons()) {
            return cancelled.get().cancellationReasons().stream()
                    .anyMatch(reason -> isKeyMismatch(reason.message()));
        }
        return find(e, DynamoDbException.class)
                .map(d -> d.awsErrorDetails() == null ? null : d.awsErrorDetails().errorMessage())
                .filter(Errors::isKeyMismatch)
                .isPresent();
    }

    private static boolean isKeyMismatch(String message) {
        return message != null && KEY_MISMATCH.stream().anyMatch(message::contains);
    }

    /**
     * {@code Code: message} for a service error, the message alone for any other; never a secret. Used wherever a
     * failure is put into words, so that every message is scrubbed the same way.
     */
    public static String describe(SdkException e) {
        Objects.requireNonNull(e, "e");
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            AwsErrorDetails details = aws.awsErrorDetails();
            String code = details.errorCode() == null ? "HTTP " + aws.statusCode() : details.errorCode();
            return code + ": " + scrub(details.errorMessage() == null ? "(no message)" : details.errorMessage());
        }
        return scrub(String.valueOf(e.getMessage()));
    }

    private static ConnectorException serviceFailure(SdkServiceException service, String subject, SdkException e) {
        String code = errorCode(service);
        String said = subject + ": " + describe(service);
        if (NOT_FOUND.contains(code) || (INVALID_INPUT.contains(code)
                && String.valueOf(service.getMessage()).contains(MISSING_INDEX))) {
            return error(ErrorCode.NOT_FOUND, said, e);
        }
        if (isConditionFailure(service, code)) {
            return error(ErrorCode.CONDITION_FAILED, said, e);
        }
        if (THROTTLED.contains(code) || service.statusCode() == 429 || service.isThrottlingException()) {
            return error(ErrorCode.THROTTLED, said, e);
        }
        if (ACCESS_DENIED.contains(code) || service.statusCode() == 403 || service.statusCode() == 401) {
            return error(ErrorCode.ACCESS_DENIED, subject + ": credentials refused: " + describe(service), e);
        }
        if (INVALID_INPUT.contains(code)) {
            return error(ErrorCode.INVALID_INPUT, said, e);
        }
        return error(ErrorCode.SERVICE_ERROR, said, e);
    }

    /**
     * STS refused or failed to hand out credentials, the role named when an {@link AssumeRoleFailure} is in the
     * chain. An STS outage or throttling is no verdict on the credentials, so those keep codes a host may retry on.
     */
    private static ConnectorException assumeRoleFailure(SdkException e, Optional<AssumeRoleFailure> role,
            StsException sts, String subject) {
        String said = role.map(AssumeRoleFailure::describe)
                .orElseGet(() -> "could not assume role: " + describe(sts));
        ErrorCode code = sts.isThrottlingException() || sts.statusCode() == 429 ? ErrorCode.THROTTLED
                : sts.statusCode() >= 500 ? ErrorCode.SERVICE_ERROR
                : ErrorCode.ACCESS_DENIED;
        return error(code, subject + ": " + said, e);
    }

    private static boolean isConditionFailure(SdkServiceException service, String code) {
        if (code.equals(CONDITION_FAILED + "Exception")) {
            return true;
        }
        if (service instanceof TransactionCanceledException cancelled) {
            if (cancelled.hasCancellationReasons()) {
                return cancelled.cancellationReasons().stream().map(CancellationReason::code)
                        .anyMatch(CONDITION_FAILED::equals);
            }
            // without parsed reasons DynamoDB still lists them in the message: "... [ConditionalCheckFailed, None]"
            return String.valueOf(service.getMessage()).contains(CONDITION_FAILED);
        }
        return false;
    }

    private static String errorCode(SdkServiceException service) {
        if (service instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "";
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Drops the parts of an AWS message that can carry credentials: signed-request echoes, tokens, signatures. */
    static String scrub(String message) {
        String kept = SIGNATURE_DETAILS.matcher(message).replaceAll("");
        kept = TOKEN.matcher(kept).replaceAll("$1****");
        kept = SIGNATURE.matcher(kept).replaceAll("$1****");
        return kept.strip();
    }

    /**
     * The error, with the SDK exception as its cause unless some message in that chain had to be scrubbed: hosts
     * log causes with their messages, and those would carry what the scrubbing removed.
     */
    private static ConnectorException error(ErrorCode code, String message, SdkException cause) {
        return new ConnectorException(code, message, null, carriesSecrets(cause) ? null : cause);
    }

    private static boolean carriesSecrets(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t.getMessage() != null && !scrub(t.getMessage()).equals(t.getMessage().strip())) {
                return true;
            }
        }
        return false;
    }
}
