package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The mapping of {@link Errors}, on exceptions built with the SDK's own builders (as the SDK builds them
 * from a service's answer). {@code FaultProxyTest} and {@code AssumeRoleEndToEndTest} check the same mapping
 * on exceptions the SDK raised itself.
 */
class ErrorsTest {
    private static final String TABLE = "table 'orders'";

    private static <B extends AwsServiceException.Builder> B service(B builder, int status, String code,
            String message) {
        builder.statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .serviceName(builder instanceof StsException.Builder ? "Sts" : "DynamoDb").build());
        return builder;
    }

    private static ConnectorException mapped(SdkException e, ErrorCode expected, String expectedMessage) {
        ConnectorException mapped = Errors.map(e, TABLE);
        assertEquals(expected, mapped.code(), mapped.getMessage());
        assertEquals(expectedMessage, mapped.getMessage());
        return mapped;
    }

    @Test
    void missingTableIsNotFound() {
        ConnectorException e = mapped(service(ResourceNotFoundException.builder(), 400, "ResourceNotFoundException",
                        "Requested resource not found").build(),
                ErrorCode.NOT_FOUND, "table 'orders': ResourceNotFoundException: Requested resource not found");
        assertTrue(e.getCause() instanceof ResourceNotFoundException, "the SDK exception is kept as the cause");
        assertTrue(e.inputKey().isEmpty());
    }

    @Test
    void failedConditionsAreConditionFailed() {
        mapped(service(ConditionalCheckFailedException.builder(), 400, "ConditionalCheckFailedException",
                        "The conditional request failed").build(),
                ErrorCode.CONDITION_FAILED, "table 'orders': ConditionalCheckFailedException: The conditional request failed");
        TransactionCanceledException cancelled = service(TransactionCanceledException.builder(), 400,
                "TransactionCanceledException", "Transaction cancelled, please refer cancellation reasons for specific"
                        + " reasons [None, ConditionalCheckFailed]")
                .cancellationReasons(List.of(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ConditionalCheckFailed").message("failed").build()))
                .build();
        assertEquals(ErrorCode.CONDITION_FAILED, Errors.map(cancelled, TABLE).code());
        TransactionCanceledException unparsed = service(TransactionCanceledException.builder(), 400,
                "TransactionCanceledException", "Transaction cancelled, please refer cancellation reasons for specific"
                        + " reasons [ConditionalCheckFailed]").build();
        assertEquals(ErrorCode.CONDITION_FAILED, Errors.map(unparsed, TABLE).code());
        TransactionCanceledException conflict = service(TransactionCanceledException.builder(), 400,
                "TransactionCanceledException", "Transaction cancelled [TransactionConflict]")
                .cancellationReasons(List.of(CancellationReason.builder().code("TransactionConflict").build()))
                .build();
        assertEquals(ErrorCode.SERVICE_ERROR, Errors.map(conflict, TABLE).code());
    }

    @Test
    void throttlingIsThrottled() {
        mapped(service(ProvisionedThroughputExceededException.builder(), 400,
                        "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for"
                                + " the table was exceeded.").build(),
                ErrorCode.THROTTLED, "table 'orders': ProvisionedThroughputExceededException: The level of configured"
                        + " provisioned throughput for the table was exceeded.");
        assertEquals(ErrorCode.THROTTLED, Errors.map(service(ThrottlingException.builder(), 400,
                "ThrottlingException", "Rate of requests exceeds the allowed throughput.").build(), TABLE).code());
        assertEquals(ErrorCode.THROTTLED, Errors.map(service(RequestLimitExceededException.builder(), 400,
                "RequestLimitExceeded", "Throughput exceeds the current throughput limit for your account.").build(),
                TABLE).code());
        assertEquals(ErrorCode.THROTTLED, Errors.map(service(DynamoDbException.builder(), 429,
                "TooManyRequests", "slow down").build(), TABLE).code());
    }

    @Test
    void timeoutsAreTimeout() {
        ConnectorException call = Errors.map(ApiCallTimeoutException.create(30_000), TABLE);
        assertEquals(ErrorCode.TIMEOUT, call.code());
        assertTrue(call.getMessage().startsWith("table 'orders': no answer within the configured timeout: "),
                call.getMessage());
        assertTrue(call.getMessage().contains("30000"), call.getMessage());
        assertEquals(ErrorCode.TIMEOUT, Errors.map(ApiCallAttemptTimeoutException.create(10_000), TABLE).code());
        SdkClientException wrapped = SdkClientException.create("call failed", ApiCallTimeoutException.create(5));
        assertEquals(ErrorCode.TIMEOUT, Errors.map(wrapped, TABLE).code());
    }

    @Test
    void refusedCredentialsAreAccessDenied() {
        mapped(service(DynamoDbException.builder(), 400, "UnrecognizedClientException",
                        "The security token included in the request is invalid.").build(),
                ErrorCode.ACCESS_DENIED, "table 'orders': credentials refused: UnrecognizedClientException: The"
                        + " security token included in the request is invalid.");
        for (String code : List.of("AccessDeniedException", "ExpiredTokenException", "InvalidSignatureException",
                "MissingAuthenticationTokenException")) {
            assertEquals(ErrorCode.ACCESS_DENIED,
                    Errors.map(service(DynamoDbException.builder(), 400, code, "no").build(), TABLE).code(), code);
        }
        assertEquals(ErrorCode.ACCESS_DENIED,
                Errors.map(service(DynamoDbException.builder(), 403, "SomethingNew", "forbidden").build(), TABLE)
                        .code());
    }

    @Test
    void signatureErrorsLoseTheEchoedRequestAndItsToken() {
        String token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN1234567890";
        String message = "The request signature we calculated does not match the signature you provided. Check your"
                + " AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + "The Canonical String for this request should have been\n'POST\n/\n\ncontent-type:"
                + "application/x-amz-json-1.0\nhost:dynamodb.us-east-1.amazonaws.com\nx-amz-security-token:" + token
                + "\n'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20250101T000000Z\n...'";
        ConnectorException e = Errors.map(service(DynamoDbException.builder(), 400, "InvalidSignatureException",
                message).build(), TABLE);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertFalse(e.getMessage().contains(token), e.getMessage());
        assertFalse(e.getMessage().contains("Canonical String"), e.getMessage());
        assertTrue(e.getMessage().contains("Check your AWS Secret Access Key and signing method"), e.getMessage());
        assertNull(e.getCause(), "a cause whose message held a token is not kept");

        assertEquals("x-amz-security-token=**** and Signature=****",
                Errors.scrub("x-amz-security-token=" + token + " and Signature=" + "ab12".repeat(16)));
    }

    @Test
    void validationIsInvalidInput() {
        mapped(service(DynamoDbException.builder(), 400, "ValidationException",
                        "One or more parameter values were invalid: Missing the key id in the item").build(),
                ErrorCode.INVALID_INPUT, "table 'orders': ValidationException: One or more parameter values were"
                        + " invalid: Missing the key id in the item");
    }

    @Test
    void aMissingIndexIsNotFoundThoughDynamoDbCallsItAValidationError() {
        mapped(service(DynamoDbException.builder(), 400, "ValidationException",
                        "The table does not have the specified index: byNothing").build(),
                ErrorCode.NOT_FOUND, "table 'orders': ValidationException: The table does not have the specified"
                        + " index: byNothing");
    }

    @Test
    void anythingElseIsAServiceErrorWithTheServicesCodeAndMessage() {
        mapped(service(DynamoDbException.builder(), 500, "InternalServerError", "Internal server error").build(),
                ErrorCode.SERVICE_ERROR, "table 'orders': InternalServerError: Internal server error");
        mapped(service(DynamoDbException.builder(), 400, "ResourceInUseException",
                        "Table already exists: orders").build(),
                ErrorCode.SERVICE_ERROR, "table 'orders': ResourceInUseException: Table already exists: orders");
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connect to"
                + " 127.0.0.1:1 failed: Connection refused");
        ConnectorException e = mapped(refused, ErrorCode.SERVICE_ERROR, "table 'orders': Unable to execute HTTP"
                + " request: Connect to 127.0.0.1:1 failed: Connection refused");
        assertSame(refused, e.getCause());
    }

    @Test
    void stsRefusalsAreAccessDeniedAndNameTheRole() {
        StsException denied = (StsException) service(StsException.builder(), 403, "AccessDenied", "User: arn:aws:iam::123456789012"
                + ":user/u is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/r")
                .build();
        mapped(denied, ErrorCode.ACCESS_DENIED, "table 'orders': could not assume role: AccessDenied: User:"
                + " arn:aws:iam::123456789012:user/u is not authorized to perform: sts:AssumeRole on resource:"
                + " arn:aws:iam::123456789012:role/r");

        SdkClientException named = new AssumeRoleFailure("arn:aws:iam::123456789012:role/r", denied);
        SdkClientException rewrapped = SdkClientException.create("Unable to load credentials", named);
        ConnectorException e = Errors.map(rewrapped, TABLE);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals("table 'orders': could not assume role 'arn:aws:iam::123456789012:role/r': AccessDenied: User:"
                + " arn:aws:iam::123456789012:user/u is not authorized to perform: sts:AssumeRole on resource:"
                + " arn:aws:iam::123456789012:role/r", e.getMessage());

        assertEquals(ErrorCode.ACCESS_DENIED, Errors.map(service(StsException.builder(), 400, "ExpiredToken",
                "The security token included in the request is expired").build(), TABLE).code());
        assertEquals(ErrorCode.ACCESS_DENIED, Errors.map(service(StsException.builder(), 403, "InvalidClientTokenId",
                "The security token included in the request is invalid.").build(), TABLE).code());
    }

    @Test
    void stsOutagesAndThrottlingKeepRetryableCodes() {
        assertEquals(ErrorCode.SERVICE_ERROR, Errors.map(service(StsException.builder(), 503, "ServiceUnavailable",
                "Service unavailable").build(), TABLE).code());
        assertEquals(ErrorCode.THROTTLED, Errors.map(service(StsException.builder(), 400, "Throttling",
                "Rate exceeded").build(), TABLE).code());
    }

    @Test
    void aKeyMismatchIsFoundInTheSdkExceptionEvenWhenTheMappedErrorDropsIt() {
        String mismatch = "The provided key element does not match the schema";
        SdkException plain = service(DynamoDbException.builder(), 400, "ValidationException", mismatch).build();
        assertTrue(Errors.isKeyMismatch(plain));
        assertTrue(Errors.isKeyMismatch(SdkClientException.create("wrapped", plain)));
        assertTrue(Errors.isKeyMismatch(service(DynamoDbException.builder(), 400, "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key id expected: N actual: S").build()));
        // a message that echoes a security token: the mapped error keeps no cause, the SDK exception still tells
        SdkException echoing = service(DynamoDbException.builder(), 400, "ValidationException", mismatch
                + "; X-Amz-Security-Token: tokenDoNotShow").build();
        assertNull(Errors.map(echoing, TABLE).getCause());
        assertTrue(Errors.isKeyMismatch(echoing));

        assertFalse(Errors.isKeyMismatch(service(DynamoDbException.builder(), 400, "ValidationException",
                "One or more parameter values were invalid").build()));
        assertFalse(Errors.isKeyMismatch(SdkClientException.create("Unable to execute HTTP request")));
    }
}
