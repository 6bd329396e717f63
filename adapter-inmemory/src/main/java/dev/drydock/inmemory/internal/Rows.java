package dev.drydock.inmemory.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Small helpers shared by the repositories. */
final class Rows {
    private Rows() {
    }

    /** Cuts a page out of an ordered collection without copying the rows outside the page. */
    static <S, T> Page<T> page(Collection<S> ordered, PageRequest request, Function<? super S, ? extends T> row) {
        if (ordered == null || ordered.isEmpty()) {
            return Page.empty(request);
        }
        List<T> results = new ArrayList<>(Math.min(request.limit(), ordered.size()));
        Iterator<S> it = ordered.iterator();
        for (int skipped = 0; skipped < request.offset() && it.hasNext(); skipped++) {
            it.next();
        }
        while (results.size() < request.limit() && it.hasNext()) {
            results.add(row.apply(it.next()));
        }
        return new Page<>(results, ordered.size(), request);
    }

    static <T> Page<T> page(Collection<T> ordered, PageRequest request) {
        return page(ordered, request, Function.identity());
    }

    static DrydockException missing(String model) {
        return DrydockException.notFound("No " + model + " matches the given query.");
    }

    static DrydockException taken(String what) {
        return DrydockException.conflict(what + " already exists.");
    }
}
