package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reads that page by {@code LastEvaluatedKey} and count what they scanned, Query and Scan: every page followed,
 * or a {@code Limit} on the total with the key to continue from, and the output both actions give.
 *
 * <p>The cap counts what each page's {@code Count} says matched, not the items that came back: with
 * {@code Select: COUNT} no items come back at all, and a cap on returned items would never fill (a count with
 * {@code Limit: 10} would page through the whole table). Each request asks DynamoDB for no more than the cap still
 * allows, so the reads stop where the cap is reached.
 *
 * <p>DynamoDB hands back a LastEvaluatedKey whenever a page ends at its Limit, also when nothing follows; the
 * contract promises one only when more may remain, so a read stopped by its cap looks ahead with one more request:
 * one item without a filter; with a filter one page (up to DynamoDB's 1 MB), which answers "more remain" when it
 * matched anything, "nothing remains" when it reached the end, and otherwise hands on its own LastEvaluatedKey: the
 * items it read matched nothing, so continuing after them loses nothing, and a selective filter never makes the
 * look-ahead read the rest of the table.
 */
final class ItemPages {
    /**
     * One page as Query and Scan answer it.
     *
     * @param count            the items that matched (with {@code Select COUNT}, counted but not returned)
     * @param lastEvaluatedKey where the next page starts, {@code null} at the end
     */
    public record Page(List<Map<String, AttributeValue>> items, int count, int scannedCount,
            Map<String, AttributeValue> lastEvaluatedKey) {
        public Page {
            requireNonNull(items, "items");
            // the SDK answers an absent key with an empty map
            lastEvaluatedKey = lastEvaluatedKey == null || lastEvaluatedKey.isEmpty() ? null : lastEvaluatedKey;
        }
    }

    /** Sends one request of the read. */
    @FunctionalInterface
    public interface Request {
        /**
         * @param start     the exclusive start key, {@code null} for the first page
         * @param limit     the page's Limit, {@code null} for none
         * @param lookAhead whether this request only looks for more items after a Limit (for debug output)
         */
        Page send(Map<String, AttributeValue> start, Integer limit, boolean lookAhead);
    }

    /**
     * What a read found.
     *
     * @param count   the service's Count, summed over every page
     * @param scanned the service's ScannedCount, summed over every page
     * @param next    the LastEvaluatedKey to continue from, {@code null} when nothing remains
     */
    public record Result(List<Map<String, AttributeValue>> items, long count, long scanned, int pages,
            Map<String, AttributeValue> next) {
        public Result {
            requireNonNull(items, "items");
        }

        /**
         * Results read side by side (a parallel scan's segments), one after the other in the order given; there
         * is no key to continue from.
         */
        public static Result merge(List<Result> parts) {
            List<Map<String, AttributeValue>> items = new ArrayList<>(parts.stream().mapToInt(p -> p.items().size())
                    .sum());
            long count = 0;
            long scanned = 0;
            int pages = 0;
            for (Result part : parts) {
                items.addAll(part.items());
                count += part.count();
                scanned += part.scanned();
                pages += part.pages();
            }
            return new Result(items, count, scanned, pages, null);
        }
    }

    private ItemPages() {
    }

    /**
     * Reads pages from {@code start} until the end or until {@code cap} items.
     *
     * @param start    the exclusive start key of the first page, or {@code null}
     * @param cap      the most items to return, {@link Long#MAX_VALUE} for all
     * @param filtered whether the read has a filter expression, so that a look-ahead of one item may match none
     */
    public static Result read(Request request, Map<String, AttributeValue> start, long cap, boolean filtered) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        long count = 0;
        long scanned = 0;
        int pages = 0;
        Map<String, AttributeValue> next = start;
        do {
            long remaining = cap - count;
            Page page = request.send(next, remaining < Integer.MAX_VALUE ? Integer.valueOf((int) remaining) : null,
                    false);
            pages++;
            items.addAll(page.items());
            count += page.count();
            scanned += page.scannedCount();
            next = page.lastEvaluatedKey();
        } while (next != null && count < cap);
        if (next != null) {
            next = lookAhead(request, next, filtered);
        }
        return new Result(items, count, scanned, pages, next);
    }

    /**
     * The output of {@code queryItems} and {@code scanItems}: {@code Items} in the call's item format,
     * {@code Count}, {@code ScannedCount}, and {@code LastEvaluatedKey} only when more items remain.
     */
    public static Map<String, Object> output(Result result, ItemFormat format) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Items", format.toJson(result.items()));
        // with Select COUNT the service counts items it does not return
        output.put("Count", result.count());
        output.put("ScannedCount", result.scanned());
        if (result.next() != null) {
            output.put("LastEvaluatedKey", format.toJson(result.next()));
        }
        return output;
    }

    /**
     * Where to continue after a read stopped by its cap at {@code from}: {@code from} itself when the one request
     * of the look-ahead matched anything, {@code null} when it reached the end without a match, its own
     * LastEvaluatedKey when it matched nothing short of the end.
     */
    private static Map<String, AttributeValue> lookAhead(Request request, Map<String, AttributeValue> from,
            boolean filtered) {
        Page page = request.send(from, filtered ? null : 1, true);
        return page.count() > 0 ? from : page.lastEvaluatedKey();
    }
}
