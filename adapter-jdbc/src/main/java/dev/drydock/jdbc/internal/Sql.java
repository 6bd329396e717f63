package dev.drydock.jdbc.internal;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** Binding and reading the column types both databases share, and paging. */
final class Sql {
    private Sql() {
    }

    /**
     * An instant as {@code TIMESTAMP WITH TIME ZONE} in UTC, to the microsecond both databases keep;
     * never through {@code java.sql.Timestamp}, whose meaning depends on the JVM's time zone.
     */
    static Argument at(Instant instant) {
        return (position, statement, ctx) -> {
            if (instant == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
            }
        };
    }

    static Argument uuid(UUID uuid) {
        return (position, statement, ctx) -> {
            if (uuid == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, uuid);
            }
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /**
     * One page of an ordered query. {@code select} ends in {@code LIMIT :limit OFFSET :offset}, bound
     * here; {@code bind} binds the rest of both queries. The count query runs only when the page alone cannot tell the count
     * (a full page, or an empty one past the start).
     */
    static <T> Page<T> page(Unit unit, String select, String count, Consumer<Query> bind, RowMapper<T> mapper,
                            PageRequest page) {
        return page(unit, select, counted -> {
            Query counting = counted.read().createQuery(count);
            bind.accept(counting);
            return counting.mapTo(Long.class).one();
        }, bind, q -> { }, mapper, page);
    }

    /**
     * {@link #page}, with the count from {@code count} and {@code bindSelect} binding what only the
     * select has.
     */
    static <T> Page<T> page(Unit unit, String select, ToLongFunction<Unit> count, Consumer<Query> bind,
                            Consumer<Query> bindSelect, RowMapper<T> mapper, PageRequest page) {
        Query query = unit.read().createQuery(select);
        bind.accept(query);
        bindSelect.accept(query);
        List<T> rows = bindPage(query, page).map(mapper).list();
        if (rows.size() < page.limit() && (!rows.isEmpty() || page.offset() == 0)) {
            return new Page<>(rows, (long) page.offset() + rows.size(), page);
        }
        return new Page<>(rows, count.applyAsLong(unit), page);
    }

    private static Query bindPage(Query query, PageRequest page) {
        return query.bind("limit", page.limit()).bind("offset", (long) page.offset());
    }
}
