package io.tandem.classifier.service.nlu;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes Watson Assistant's system entities in English text, with their values in Watson's formats:
 * {@code sys-number} and {@code sys-percentage} and {@code sys-currency} a plain number ({@code 12.5}),
 * {@code sys-date} {@code yyyy-MM-dd} (relative dates resolved against the given day), {@code sys-time}
 * {@code HH:mm:ss}, {@code sys-email}, {@code sys-url} and {@code sys-phone-number} the mention as written.
 * No library fits offline (Natty and the like are unmaintained), so this is a set of careful regular expressions
 * covering the common forms; anything else is not recognized rather than guessed.
 */
public final class SystemEntities {

    /** The system entities {@link #find} recognizes. */
    public static final Set<String> SUPPORTED = Set.of("sys-number", "sys-date", "sys-time", "sys-currency",
            "sys-percentage", "sys-email", "sys-url", "sys-phone-number");

    /** A mention: where it is in the text and its value. */
    public record Mention(int start, int end, String value) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String AMOUNT = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

    static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,])-?(?:" + AMOUNT + ")(?![\\p{L}\\p{N}]|[.,]\\d)");

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"), Map.entry("bucks", "USD"), Map.entry("usd", "USD"),
            Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("eur", "EUR"),
            Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"), Map.entry("gbp", "GBP"),
            Map.entry("yen", "JPY"), Map.entry("jpy", "JPY"), Map.entry("cent", "USD"), Map.entry("cents", "USD"));
    private static final Pattern CURRENCY = Pattern.compile(
            "(?<symbol>[$€£¥])\\s?(?<a1>" + AMOUNT + ")" + E
                    + "|" + B + "(?<code>usd|eur|gbp|jpy)\\s?(?<a2>" + AMOUNT + ")" + E
                    + "|" + B + "(?<a3>" + AMOUNT + ")\\s?(?<word>dollars?|bucks|usd|euros?|eur|pounds?|gbp|yen|jpy"
                    + "|cents?)" + E,
            FLAGS);

    private static final Pattern PERCENTAGE = Pattern.compile(
            B + "(?<amount>-?(?:" + AMOUNT + "))(?:\\s?%|\\s?(?:percent|per cent)" + E + ")", FLAGS);

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[\\w.%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}" + E);

    private static final Pattern URL = Pattern.compile(
            B + "(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'}]", FLAGS);

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\w)");

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue"
            + "|wed|thurs|thu|fri|sat|sun";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";

    private static final Pattern RELATIVE_DAY = Pattern.compile(
            B + "(?:(?<after>the day after tomorrow)|(?<before>the day before yesterday)|(?<today>today|tonight)"
                    + "|(?<tomorrow>tomorrow)|(?<yesterday>yesterday))" + E,
            FLAGS);
    private static final Pattern IN_DAYS = Pattern.compile(
            B + "(?:in (?<n1>\\d{1,3}|a|an|one|two|three|four|five|six|seven) (?<u1>days?|weeks?)"
                    + "|(?<n2>\\d{1,3}|a|an|one|two|three|four|five|six|seven) (?<u2>days?|weeks?) from (?:now|today))"
                    + E,
            FLAGS);
    private static final Pattern WEEKDAY = Pattern.compile(
            B + "(?:(?<which>next|this|coming|on)\\s+)?(?<day>" + WEEKDAYS + ")\\.?" + E, FLAGS);
    private static final Pattern MONTH_DAY = Pattern.compile(
            B + "(?<month>" + MONTHS + ")\\.?\\s+(?:the\\s+)?(?<day>\\d{1,2})" + ORDINAL + E
                    + "(?:,?\\s+(?<year>\\d{4})" + E + ")?",
            FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile(
            B + "(?:the\\s+)?(?<day>\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?(?<month>" + MONTHS + ")\\.?" + E
                    + "(?:,?\\s+(?<year>\\d{4})" + E + ")?",
            FLAGS);
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}/.-])(?:(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2})"
                    + "|(?<m>\\d{1,2})/(?<d>\\d{1,2})(?:/(?<y>\\d{4}|\\d{2}))?)(?![\\p{L}\\p{N}/-])");

    private static final Pattern CLOCK_TIME = Pattern.compile(
            B + "(?<hour>\\d{1,2})(?::(?<minute>\\d{2})(?::(?<second>\\d{2}))?)?\\s?(?<meridiem>[ap]\\.?m\\.?"
                    + "(?![\\p{L}\\p{N}]))?",
            FLAGS);
    private static final Pattern NAMED_TIME = Pattern.compile(B + "(?:(?<noon>noon|midday)|(?<midnight>midnight))"
            + E, FLAGS);

    private SystemEntities() {
    }

    /**
     * The mentions of {@code entity} in {@code text}, leftmost first, not overlapping each other.
     *
     * @param today the day relative dates ("tomorrow", "next Friday") resolve against: the message's day
     */
    public static List<Mention> find(String entity, String text, LocalDate today) {
        List<Mention> found = switch (entity) {
            case "sys-number" -> numbers(text);
            case "sys-date" -> dates(text, today);
            case "sys-time" -> times(text);
            case "sys-currency" -> currencies(text);
            case "sys-percentage" -> percentages(text);
            case "sys-email" -> literal(EMAIL, text);
            case "sys-url" -> literal(URL, text);
            case "sys-phone-number" -> literal(PHONE, text);
            default -> List.of();
        };
        return withoutOverlaps(found);
    }

    /** The ISO 4217 code of a currency mention ({@code $20} is USD), or null when it names none. */
    public static String currencyUnit(String literal) {
        Matcher matcher = CURRENCY.matcher(literal);
        if (!matcher.find()) {
            return null;
        }
        if (matcher.group("symbol") != null) {
            return SYMBOLS.get(matcher.group("symbol"));
        }
        String word = matcher.group("code") != null ? matcher.group("code") : matcher.group("word");
        return WORDS.get(word.toLowerCase(Locale.ROOT));
    }

    private static List<Mention> numbers(String text) {
        List<Mention> found = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            found.add(new Mention(matcher.start(), matcher.end(), number(matcher.group())));
        }
        return found;
    }

    private static List<Mention> currencies(String text) {
        List<Mention> found = new ArrayList<>();
        Matcher matcher = CURRENCY.matcher(text);
        while (matcher.find()) {
            String amount = first(matcher.group("a1"), matcher.group("a2"), matcher.group("a3"));
            BigDecimal value = new BigDecimal(amount.replace(",", ""));
            String word = matcher.group("word");
            if (word != null && word.toLowerCase(Locale.ROOT).startsWith("cent")) {
                value = value.movePointLeft(2); // Watson answers in base units: 20 cents is 0.2
            }
            found.add(new Mention(matcher.start(), matcher.end(), plain(value)));
        }
        return found;
    }

    private static List<Mention> percentages(String text) {
        List<Mention> found = new ArrayList<>();
        Matcher matcher = PERCENTAGE.matcher(text);
        while (matcher.find()) {
            found.add(new Mention(matcher.start(), matcher.end(), number(matcher.group("amount"))));
        }
        return found;
    }

    private static List<Mention> literal(Pattern pattern, String text) {
        List<Mention> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new Mention(matcher.start(), matcher.end(), matcher.group()));
        }
        return found;
    }

    private static List<Mention> dates(String text, LocalDate today) {
        List<Mention> found = new ArrayList<>();
        Matcher relative = RELATIVE_DAY.matcher(text);
        while (relative.find()) {
            int days = relative.group("after") != null ? 2 : relative.group("before") != null ? -2
                    : relative.group("tomorrow") != null ? 1 : relative.group("yesterday") != null ? -1 : 0;
            found.add(date(relative, today.plusDays(days)));
        }
        Matcher in = IN_DAYS.matcher(text);
        while (in.find()) {
            String amount = first(in.group("n1"), in.group("n2"));
            String unit = first(in.group("u1"), in.group("u2")).toLowerCase(Locale.ROOT);
            long days = smallNumber(amount) * (unit.startsWith("week") ? 7 : 1);
            found.add(date(in, today.plusDays(days)));
        }
        Matcher weekday = WEEKDAY.matcher(text);
        while (weekday.find()) {
            if (isAmbiguousAbbreviation(weekday)) {
                continue;
            }
            DayOfWeek day = dayOfWeek(weekday.group("day"));
            String which = weekday.group("which") == null ? "" : weekday.group("which").toLowerCase(Locale.ROOT);
            // "Friday", "this Friday", "on Friday": the coming one (today if it is Friday); "next Friday": after today
            LocalDate date = which.equals("next") ? today.with(TemporalAdjusters.next(day))
                    : today.with(TemporalAdjusters.nextOrSame(day));
            found.add(date(weekday, date));
        }
        for (Pattern pattern : List.of(MONTH_DAY, DAY_MONTH)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int year = matcher.group("year") != null ? Integer.parseInt(matcher.group("year")) : today.getYear();
                LocalDate date = dateOf(year, month(matcher.group("month")), Integer.parseInt(matcher.group("day")));
                if (date != null && !isMayVerb(matcher)) {
                    found.add(date(matcher, date));
                }
            }
        }
        Matcher numeric = NUMERIC_DATE.matcher(text);
        while (numeric.find()) {
            LocalDate date;
            if (numeric.group("iy") != null) {
                date = dateOf(Integer.parseInt(numeric.group("iy")), Integer.parseInt(numeric.group("im")),
                        Integer.parseInt(numeric.group("id")));
            } else {
                // English (US) order, as Watson reads en: month/day[/year]
                String y = numeric.group("y");
                int year = y == null ? today.getYear() : y.length() == 2 ? 2000 + Integer.parseInt(y)
                        : Integer.parseInt(y);
                date = dateOf(year, Integer.parseInt(numeric.group("m")), Integer.parseInt(numeric.group("d")));
            }
            if (date != null) {
                found.add(date(numeric, date));
            }
        }
        return found;
    }

    private static List<Mention> times(String text) {
        List<Mention> found = new ArrayList<>();
        Matcher named = NAMED_TIME.matcher(text);
        while (named.find()) {
            found.add(new Mention(named.start(), named.end(),
                    TIME.format(named.group("noon") != null ? LocalTime.NOON : LocalTime.MIDNIGHT)));
        }
        Matcher clock = CLOCK_TIME.matcher(text);
        while (clock.find()) {
            String meridiem = clock.group("meridiem");
            String minute = clock.group("minute");
            if (meridiem == null && minute == null) {
                continue; // a bare number is not a time
            }
            if (clock.start() > 0 && "/-.,$€£:".indexOf(text.charAt(clock.start() - 1)) >= 0) {
                continue; // part of a date, an amount or a longer number
            }
            int end = clock.end();
            if (end < text.length() && (text.charAt(end) == '/' || text.charAt(end) == '%')) {
                continue;
            }
            int hour = Integer.parseInt(clock.group("hour"));
            int minutes = minute == null ? 0 : Integer.parseInt(minute);
            int seconds = clock.group("second") == null ? 0 : Integer.parseInt(clock.group("second"));
            if (meridiem != null) {
                if (hour < 1 || hour > 12) {
                    continue;
                }
                boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour > 23 || minutes > 59 || seconds > 59) {
                continue;
            }
            // the mention ends where the time does, not at a space before a missing meridiem
            int mentionEnd = meridiem != null ? clock.end() : clock.start() + clock.group().stripTrailing().length();
            found.add(new Mention(clock.start(), mentionEnd, TIME.format(LocalTime.of(hour, minutes, seconds))));
        }
        return found;
    }

    private static Mention date(Matcher matcher, LocalDate date) {
        return new Mention(matcher.start(), matcher.end(), DATE.format(date));
    }

    private static LocalDate dateOf(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** "sun", "sat" and "wed" are words too: only "on Sun", "next Sat", ... count. */
    private static boolean isAmbiguousAbbreviation(Matcher weekday) {
        String day = weekday.group("day").toLowerCase(Locale.ROOT);
        return (day.equals("sun") || day.equals("sat") || day.equals("wed")) && weekday.group("which") == null;
    }

    /** "you may 2 ..." is not May 2nd: a lower-case "may" before a number is read as the verb. */
    private static boolean isMayVerb(Matcher matcher) {
        String month = matcher.group("month");
        return month.equals("may") && matcher.pattern() == MONTH_DAY;
    }

    private static DayOfWeek dayOfWeek(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return day;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static int month(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec");
        return months.indexOf(prefix) + 1;
    }

    private static long smallNumber(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            default -> Long.parseLong(word);
        };
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String number(String literal) {
        return plain(new BigDecimal(literal.replace(",", "")));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static List<Mention> withoutOverlaps(List<Mention> candidates) {
        List<Mention> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end() - b.start(), a.end() - a.start()));
        List<Mention> kept = new ArrayList<>();
        int end = -1;
        for (Mention candidate : sorted) {
            if (candidate.start() >= end) {
                kept.add(candidate);
                end = candidate.end();
            }
        }
        return kept;
    }
}
