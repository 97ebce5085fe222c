package io.tandem.classifier.service.expression;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Locale;

/**
 * Dates and times as Watson Assistant passes them around: strings {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-dd}
 * or {@code HH:mm:ss}.
 */
final class TemporalValues {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TemporalValues() {
    }

    static Temporal parse(Object value) {
        String text = String.valueOf(value).trim();
        try {
            if (text.length() > 10 && text.charAt(4) == '-') {
                return LocalDateTime.parse(text.replace('T', ' ').substring(0, 19), DATE_TIME);
            }
            if (text.length() == 10 && text.charAt(4) == '-') {
                return LocalDate.parse(text, DATE);
            }
            return LocalTime.parse(text.length() == 5 ? text + ":00" : text, TIME);
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            throw new EvaluationException("'" + text + "' is not a date or time");
        }
    }

    /** Negative when {@code left} is earlier; time-only values compare by time of day. */
    static int compare(Object left, Object right) {
        Temporal a = parse(left);
        Temporal b = parse(right);
        if (a instanceof LocalTime || b instanceof LocalTime) {
            return timeOf(a).compareTo(timeOf(b));
        }
        return dateTimeOf(a).compareTo(dateTimeOf(b));
    }

    static String reformat(Object value, String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(parse(value));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new EvaluationException("cannot format '" + value + "' as '" + pattern + "'");
        }
    }

    static String plus(Object value, long amount, ChronoUnit unit) {
        Temporal temporal = parse(value);
        try {
            Temporal moved = temporal.plus(amount, unit);
            return format(moved);
        } catch (DateTimeException e) {
            throw new EvaluationException("cannot add " + unit + " to '" + value + "'");
        }
    }

    static String format(Temporal temporal) {
        if (temporal instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (temporal instanceof LocalDate date) {
            return DATE.format(date);
        }
        return TIME.format(temporal);
    }

    private static LocalTime timeOf(Temporal temporal) {
        if (temporal instanceof LocalDateTime dateTime) {
            return dateTime.toLocalTime();
        }
        if (temporal instanceof LocalTime time) {
            return time;
        }
        return LocalTime.MIDNIGHT;
    }

    private static LocalDateTime dateTimeOf(Temporal temporal) {
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        return (LocalDateTime) temporal;
    }
}
