package io.connectorkit.dynamodb.embedded.wire;

/**
 * What the wire layer knows of the request being served on this thread beyond its body: the region of the
 * credential scope it was signed for, which goes into the ARNs the engine hands out.
 */
public final class RequestContext {
    /** DynamoDB's region when a request names none. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final ThreadLocal<String> REGION = ThreadLocal.withInitial(() -> DEFAULT_REGION);

    private RequestContext() {
    }

    /** The region of the request being served on this thread. */
    public static String region() {
        return REGION.get();
    }

    static void region(String region) {
        REGION.set(region == null ? DEFAULT_REGION : region);
    }

    /**
     * The region of a SigV4 {@code Authorization} header's credential scope
     * ({@code Credential=AKID/20250101/eu-west-1/dynamodb/aws4_request}), or null when there is none.
     */
    static String regionOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int end = authorization.indexOf(',', at);
        String scope = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end);
        String[] parts = scope.trim().split("/");
        return parts.length >= 5 && !parts[2].isEmpty() ? parts[2] : null;
    }
}
