package dev.drydock.ports.model;

import java.util.List;
import java.util.function.Function;

/** One page of an ordered list: the items and how many there are in all. */
public record Page<T>(List<T> results, long count) {
    public Page {
        results = List.copyOf(results);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(results.stream().<R>map(mapper).toList(), count);
    }

    /** Cuts a page out of a full, already ordered list. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = (int) Math.min(all.size(), (long) from + request.limit());
        return new Page<>(all.subList(from, to), all.size());
    }
}
