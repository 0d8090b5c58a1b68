package io.connectorkit.dynamodb;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The role a connection could not assume, and why: thrown by {@link RoleArnConnection}'s credentials, found by
 * {@link Errors} in whatever the SDK wraps around it, since only the connection knows the role's ARN.
 */
final class AssumeRoleFailure extends SdkClientException {
    private static final long serialVersionUID = 1L;

    private final String roleArn;

    AssumeRoleFailure(String roleArn, SdkException reason) {
        super(SdkClientException.builder().message(text(roleArn, reason)).cause(reason));
        this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
    }

    String roleArn() {
        return roleArn;
    }

    /** What the STS call (or the way to it) failed with. */
    SdkException reason() {
        return (SdkException) getCause();
    }

    /** {@code could not assume role '<arn>': <why>}, scrubbed as every failure is. */
    String describe() {
        return text(roleArn, reason());
    }

    private static String text(String roleArn, SdkException reason) {
        return "could not assume role '" + roleArn + "': " + Errors.describe(reason);
    }
}
