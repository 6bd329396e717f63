package dev.drydock.ports.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The platform's text for a point in time: {@code 2016-06-22T22:24:20Z}, UTC, whole seconds. Used
 * for every date in the API and in app log lines.
 */
public final class Timestamps {
    // for years outside 0000-9999, which the fast path below does not write
    private static final DateTimeFormatter WIDE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The text of an instant (fractions of a second dropped); null stays null. */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        // every listed item has two dates, so this runs often; DateTimeFormatter is slow here
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return WIDE.format(instant);
        }
        char[] c = new char[20];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = 'Z';
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
