package io.connectorkit.dynamodb.embedded.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Shard iterators as opaque strings shaped like DynamoDB's: the stream's ARN, {@code |1|}, and base64 of what the
 * engine needs to resume (the shard, the sequence number to read from, when the iterator was handed out), with a
 * checksum so that an altered or made-up iterator is refused rather than misread.
 *
 * <p>The iterator carries its own state, so the engine keeps no table of iterators that would grow with every
 * {@code GetRecords}.
 */
final class ShardIterators {
    private static final String SEPARATOR = "|1|";
    private static final byte VERSION = 1;

    /** What an iterator says. */
    record Position(String streamArn, String shardId, long sequence, long createdAt) {
    }

    private ShardIterators() {
    }

    static String encode(String streamArn, String shardId, long sequence, long createdAt) {
        byte[] shard = shardId.getBytes(StandardCharsets.UTF_8);
        byte[] arn = streamArn.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + 8 + 2 + shard.length + 4);
        buffer.put(VERSION).putLong(createdAt).putLong(sequence).putShort((short) shard.length).put(shard);
        CRC32 crc = new CRC32();
        crc.update(arn);
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return streamArn + SEPARATOR + Base64.getEncoder().encodeToString(buffer.array());
    }

    /** The position an iterator names, or null when the text is no iterator this engine made. */
    static Position decode(String iterator) {
        int separator = iterator.lastIndexOf(SEPARATOR);
        if (separator <= 0) {
            return null;
        }
        String streamArn = iterator.substring(0, separator);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(iterator.substring(separator + SEPARATOR.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length < 1 + 8 + 8 + 2 + 4 || bytes[0] != VERSION) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        long createdAt = buffer.getLong();
        long sequence = buffer.getLong();
        int shardLength = buffer.getShort() & 0xFFFF;
        if (buffer.remaining() != shardLength + 4) {
            return null;
        }
        byte[] shard = new byte[shardLength];
        buffer.get(shard);
        CRC32 crc = new CRC32();
        crc.update(streamArn.getBytes(StandardCharsets.UTF_8));
        crc.update(bytes, 0, bytes.length - 4);
        if (buffer.getInt() != (int) crc.getValue()) {
            return null;
        }
        return new Position(streamArn, new String(shard, StandardCharsets.UTF_8), sequence, createdAt);
    }
}
