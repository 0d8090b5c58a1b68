package io.connectorkit.dynamodb.embedded.capacity;

/**
 * One provisioned capacity (a table's or a global index's reads or writes) as DynamoDB spends it: units accrue at
 * the provisioned rate per second and up to 300 seconds of them are kept for bursts. A request is let in while any
 * unit is left and then pays what it used, so a large request may leave the bucket in debt that later seconds pay
 * off, as DynamoDB lets a request through on partial capacity.
 *
 * <p>A new bucket starts full: a table (or a rate raised by UpdateTable) has its burst allowance at once.
 */
final class BurstBucket {
    /** DynamoDB keeps up to five minutes of unused capacity. */
    static final int BURST_SECONDS = 300;

    private double units;
    private long updatedAt;
    private boolean started;

    /** Whether a request may start now; {@code perSecond} is the rate provisioned now. */
    synchronized boolean admit(long now, double perSecond) {
        refill(now, perSecond);
        return units > 0;
    }

    /** Spends what a request used. */
    synchronized void charge(long now, double perSecond, double used) {
        refill(now, perSecond);
        units -= used;
    }

    private void refill(long now, double perSecond) {
        double cap = perSecond * BURST_SECONDS;
        if (!started) {
            units = cap;
            started = true;
        } else if (now > updatedAt) {
            units += perSecond * (now - updatedAt) / 1000.0;
        }
        units = Math.min(units, cap);
        updatedAt = Math.max(updatedAt, now);
    }
}
