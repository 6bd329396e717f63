package dev.drydock.ports.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of an ordered list: the items, how many there are in all, and the window they fill,
 * which may be smaller than the one asked for (the core caps how many items a page holds), so
 * that links to the next and previous pages can follow it.
 */
public record Page<T>(List<T> results, long count, PageRequest request) {
    public Page {
        results = List.copyOf(results);
        Objects.requireNonNull(request, "request");
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(results.stream().<R>map(mapper).toList(), count, request);
    }

    /** No items at all, for this window. */
    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), 0, request);
    }

    /** Cuts a page out of a full, already ordered list. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = (int) Math.min(all.size(), (long) from + request.limit());
        return new Page<>(all.subList(from, to), all.size(), request);
    }
}
