package dev.drydock.ports.model;

/** Limit/offset paging as the platform does it: default and fallback limit 100, offset from 0. */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final PageRequest ALL = new PageRequest(Integer.MAX_VALUE, 0);
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, 0);

    public PageRequest {
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        if (offset < 0) {
            offset = 0;
        }
    }

    /** This window with at most {@code maxLimit} items. */
    public PageRequest atMost(int maxLimit) {
        return limit <= maxLimit ? this : new PageRequest(maxLimit, offset);
    }
}
