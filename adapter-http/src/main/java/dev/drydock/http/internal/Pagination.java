package dev.drydock.http.internal;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Limit/offset paging as upstream does it. Read the request with {@link #request}, ask the port
 * for that page, and answer with {@link #envelope}:
 * {@code {"count", "next", "previous", "results"}} where next/previous are absolute URLs of the
 * request with {@code limit} and {@code offset} replaced and the query re-encoded in key order.
 * The core may serve fewer items than the limit asked for (it caps a page's size, as DRF's
 * {@code max_limit} does); the links then carry the limit served, so following them skips nothing.
 */
public final class Pagination {
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";

    private Pagination() {
    }

    /**
     * limit and offset from the query: a missing, garbage or non-positive limit is 100, a bad
     * offset 0. Values beyond the int range ask for everything or for a page past the end.
     */
    public static PageRequest request(ContainerRequestContext request) {
        Window window = window(TrailingSlashFilter.originalUri(request));
        return new PageRequest(clamp(window.limit()), clamp(window.offset()));
    }

    /**
     * The page envelope, each item turned into its representation. {@code result} answers
     * {@code page}, or a smaller window of it; the links repeat the offset as sent, even beyond the
     * int range of {@code page}, and the limit served.
     */
    public static <T> PageJson envelope(ContainerRequestContext request, PageRequest page, Page<T> result,
                                        Function<? super T, ?> toJson) {
        URI uri = TrailingSlashFilter.originalUri(request);
        List<Object> results = new ArrayList<>(result.results().size());
        result.results().forEach(item -> results.add(toJson.apply(item)));
        Window asked = window(uri);
        Window window = new Window(Math.min(asked.limit(), result.request().limit()), asked.offset());
        return new PageJson(result.count(), next(uri, window, result.count()), previous(uri, window), results);
    }

    /** The page envelope of upstream's list endpoints. */
    public record PageJson(long count, String next, String previous, List<Object> results) {
    }

    /** limit and offset as the query gives them, in the long range; see {@link #request}. */
    record Window(long limit, long offset) {
    }

    static Window window(URI uri) {
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        long limit = parsePositive(last(query.get(LIMIT)), true);
        long offset = parsePositive(last(query.get(OFFSET)), false);
        return new Window(limit <= 0 ? PageRequest.DEFAULT_LIMIT : limit, Math.max(offset, 0));
    }

    static String next(URI uri, Window page, long count) {
        long nextOffset = saturatedAdd(page.offset(), page.limit());
        if (nextOffset >= count) {
            return null;
        }
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        query.put(LIMIT, List.of(Long.toString(page.limit())));
        query.put(OFFSET, List.of(Long.toString(nextOffset)));
        return withQuery(uri, query);
    }

    static String previous(URI uri, Window page) {
        if (page.offset() <= 0) {
            return null;
        }
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        query.put(LIMIT, List.of(Long.toString(page.limit())));
        if (page.offset() - page.limit() <= 0) {
            query.remove(OFFSET);
        } else {
            query.put(OFFSET, List.of(Long.toString(page.offset() - page.limit())));
        }
        return withQuery(uri, query);
    }

    /**
     * Python's int() on a query value: surrounding spaces and a sign allowed; strict refuses 0.
     * Numbers beyond the long range are taken as the largest long.
     */
    private static long parsePositive(String value, boolean strict) {
        if (value == null) {
            return -1;
        }
        String text = value.strip();
        if (!text.matches("[+-]?[0-9]+")) {
            return -1;
        }
        BigInteger n = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (n.signum() < 0 || (strict && n.signum() == 0)) {
            return -1;
        }
        return n.bitLength() < Long.SIZE ? n.longValue() : Long.MAX_VALUE;
    }

    private static int clamp(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** Query parameters decoded and sorted by name; blank values kept, repeated names in order. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String withQuery(URI uri, Map<String, List<String>> query) {
        StringBuilder url = new StringBuilder()
                .append(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(uri.getRawPath());
        char separator = '?';
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            for (String value : entry.getValue()) {
                url.append(separator).append(quotePlus(entry.getKey())).append('=').append(quotePlus(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** Python's urllib quote_plus: unreserved characters kept, space as '+', the rest %XX. */
    static String quotePlus(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
