package io.connectorkit.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Hands the body of a successful response to the {@link Reader} its request carries in {@link #READER}, and gives the
 * SDK's unmarshaller what the reader returns in its place. A request without a reader is left alone.
 *
 * <p>Why: the trigger's GetRecords answers are mostly items, which the SDK unmarshals into {@code AttributeValue}s
 * through its generic, reflective model only for the connector to turn them into plain JSON at once; read straight
 * from the body, the same events cost less than the SDK's model objects alone (the streamTrigger benchmark). The SDK
 * still does everything else: signing, endpoints, retries, errors (an error's body never reaches a reader).
 *
 * <p>The body is checked against DynamoDB's {@code x-amz-crc32} here, as the SDK would check it, and the header is
 * removed so that the SDK does not check it against the shorter body it is given. A reader that cannot read a body
 * (anything unexpected in it) throws, and the SDK then gets the whole body, unchanged: the SDK's own reading and the
 * connector's conversion of its model decide, as they do without a reader. A body with a {@code Content-Encoding}
 * is left to the SDK, which decompresses it.
 */
final class ResponseBodyTap implements ExecutionInterceptor {
    /** The reader of a request's successful response body. */
    static final ExecutionAttribute<Reader> READER = new ExecutionAttribute<>("io.connectorkit.dynamodb.bodyReader");

    private static final String CRC32_HEADER = "x-amz-crc32";

    /** Reads one response body. */
    interface Reader {
        /**
         * @return the body the SDK unmarshals instead, a JSON object of what the SDK's response is to hold
         * @throws Exception when the body is not one this reader reads: the SDK then reads the body itself
         */
        byte[] read(byte[] body) throws Exception;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!taps(context, attributes)) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().removeHeader(CRC32_HEADER).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        if (!taps(context, attributes)) {
            return context.responseBody();
        }
        byte[] body;
        try (InputStream in = context.responseBody().get()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw SdkClientException.builder().message("Unable to read the response body").cause(e).build();
        }
        checkCrc32(context.httpResponse(), body);
        byte[] replacement;
        try {
            replacement = attributes.getAttribute(READER).read(body);
        } catch (Exception e) {
            // the SDK reads what this reader could not; its reading decides, as without a reader
            replacement = body;
        }
        return Optional.of(new ByteArrayInputStream(replacement));
    }

    private static boolean taps(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return attributes.getAttribute(READER) != null && context.httpResponse().isSuccessful()
                && context.responseBody().isPresent()
                && context.httpResponse().firstMatchingHeader("Content-Encoding")
                        .map(encoding -> encoding.isBlank() || encoding.equalsIgnoreCase("identity")).orElse(true);
    }

    /** The check the SDK makes of a DynamoDB body: a mismatch is retried, as the SDK retries its own. */
    private static void checkCrc32(SdkHttpResponse response, byte[] body) {
        Optional<String> expected = response.firstMatchingHeader(CRC32_HEADER);
        if (expected.isEmpty()) {
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        long expectedValue;
        try {
            expectedValue = Long.parseLong(expected.get().trim());
        } catch (NumberFormatException e) {
            throw Crc32MismatchException.builder().message("The response's " + CRC32_HEADER + " header is not a"
                    + " checksum: " + expected.get()).build();
        }
        if (crc.getValue() != expectedValue) {
            throw Crc32MismatchException.builder().message(String.format(java.util.Locale.ROOT, "Data read has a"
                    + " different checksum than expected. Was 0x%08x, but expected 0x%08x: the data was corrupted"
                    + " between the client and the service", crc.getValue(), expectedValue)).build();
        }
    }
}
