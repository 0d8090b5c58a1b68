package io.connectorkit.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Follows a paged API (LastEvaluatedKey, NextToken, LastEvaluatedTableName) to the end, or until a cap on the
 * number of items is reached.
 *
 * <p>The fetch function receives the continuation token ({@code null} first) and how many items may still be
 * taken ({@link Long#MAX_VALUE} without a cap), so a request can ask for no more than that and the token of the
 * last page is exactly where the caller stopped.
 */
final class Pages {
    /** One page: its items, what it scanned, and the token of the next page ({@code null} at the end). */
    public record Page<T, C>(List<T> items, long scanned, C next) {
    }

    /** Everything followed: the items, the pages read, the scanned total, and the token to continue with. */
    public record Result<T, C>(List<T> items, int pages, long scanned, C next) {
    }

    /** A page fetcher: token and remaining allowance in, one page out. */
    public interface Fetch<T, C> {
        Page<T, C> fetch(C token, long remaining);
    }

    private Pages() {
    }

    public static <T, C> Result<T, C> follow(Fetch<T, C> fetch, long cap) {
        List<T> items = new ArrayList<>();
        C token = null;
        int pages = 0;
        long scanned = 0;
        do {
            Page<T, C> page = fetch.fetch(token, cap - items.size());
            pages++;
            scanned += page.scanned();
            items.addAll(page.items());
            token = page.next();
        } while (token != null && items.size() < cap);
        return new Result<>(items, pages, scanned, token);
    }

    /** Follows every page, without a cap. */
    public static <T, C> Result<T, C> all(Function<C, Page<T, C>> fetch) {
        return follow((token, remaining) -> fetch.apply(token), Long.MAX_VALUE);
    }
}
