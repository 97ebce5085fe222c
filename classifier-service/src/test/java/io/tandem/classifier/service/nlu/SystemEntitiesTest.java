package io.tandem.classifier.service.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tandem.classifier.service.nlu.SystemEntities.Mention;

class SystemEntitiesTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 3);

    private static List<String> values(String entity, String text) {
        return SystemEntities.find(entity, text, TODAY).stream().map(Mention::value).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "can I come tomorrow?|2026-06-04",
            "today please|2026-06-03",
            "it was yesterday|2026-06-02",
            "the day after tomorrow|2026-06-05",
            "next Friday works|2026-06-05",
            "on Monday|2026-06-08",
            "this Wednesday|2026-06-03",
            "next wednesday|2026-06-10",
            "June 3|2026-06-03",
            "on July 4th, 2027|2027-07-04",
            "the 12th of August|2026-08-12",
            "3 Dec|2026-12-03",
            "3/6/2026|2026-03-06",
            "12/25|2026-12-25",
            "2026-11-02|2026-11-02",
            "in 3 days|2026-06-06",
            "in a week|2026-06-10",
            "two weeks from now|2026-06-17" })
    void datesResolveAgainstTheMessagesDay(String text, String date) {
        assertThat(values("sys-date", text)).containsExactly(date);
    }

    @Test
    void twoDatesInOneMessageAreTwoMentions() {
        assertThat(values("sys-date", "Friday March 30th")).containsExactly("2026-06-05", "2026-03-30");
    }

    @Test
    void aDateMentionLocatesItsLiteral() {
        assertThat(SystemEntities.find("sys-date", "see you next Friday!", TODAY))
                .containsExactly(new Mention(8, 19, "2026-06-05"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "you may 2 things|",
            "the sun is out|",
            "32/13/2026|",
            "February 30|",
            "I have 3 cats|" })
    void wordsAndImpossibleDatesAreNoDates(String text, String none) {
        assertThat(values("sys-date", text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "at 5pm|17:00:00",
            "at 5 PM|17:00:00",
            "9:15 a.m.|09:15:00",
            "12am|00:00:00",
            "12:30pm|12:30:00",
            "17:30|17:30:00",
            "08:05:09 sharp|08:05:09",
            "at noon|12:00:00",
            "midnight|00:00:00" })
    void timesAreInTwentyFourHourFormat(String text, String time) {
        assertThat(values("sys-time", text)).containsExactly(time);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I have 3 cats|",
            "13pm|",
            "25:10|",
            "3/6/2026|",
            "it costs $5|" })
    void bareNumbersAndDatesAreNoTimes(String text, String none) {
        assertThat(values("sys-time", text)).isEmpty();
    }

    @Test
    void aTimeMentionEndsWhereTheTimeDoes() {
        assertThat(SystemEntities.find("sys-time", "at 17:30 please", TODAY))
                .containsExactly(new Mention(3, 8, "17:30:00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pay $20|20|USD",
            "$ 1,234.56 please|1234.56|USD",
            "20 dollars|20|USD",
            "twenty bucks or 20 bucks|20|USD",
            "50 cents|0.5|USD",
            "EUR 15|15|EUR",
            "€15.50|15.5|EUR",
            "10 pounds|10|GBP" })
    void currenciesAreNumbersInBaseUnits(String text, String value, String unit) {
        List<Mention> found = SystemEntities.find("sys-currency", text, TODAY);
        assertThat(found).extracting(Mention::value).containsExactly(value);
        assertThat(SystemEntities.currencyUnit(text.substring(found.get(0).start(), found.get(0).end())))
                .isEqualTo(unit);
    }

    @Test
    void aPlainNumberIsNoCurrency() {
        assertThat(values("sys-currency", "I have 20 cats")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "15%|15",
            "a 2.5 % rate|2.5",
            "50 percent|50",
            "12 per cent|12" })
    void percentagesAreNumbers(String text, String value) {
        assertThat(values("sys-percentage", text)).containsExactly(value);
    }

    @Test
    void numbersAreCanonical() {
        assertThat(values("sys-number", "1,000 or 12.50 or -3")).containsExactly("1000", "12.5", "-3");
        assertThat(values("sys-number", "5pm")).isEmpty();
    }

    @Test
    void emailsUrlsAndPhoneNumbersAreTheirLiterals() {
        assertThat(values("sys-email", "write to jane.doe+help@example.co.uk.")).containsExactly(
                "jane.doe+help@example.co.uk");
        assertThat(values("sys-email", "not@an-address")).isEmpty();
        assertThat(values("sys-url", "see https://example.com/help?x=1, or www.example.org.")).containsExactly(
                "https://example.com/help?x=1", "www.example.org");
        assertThat(values("sys-phone-number", "call (555) 123-4567 or +1 555.123.4567")).containsExactly(
                "(555) 123-4567", "+1 555.123.4567");
        assertThat(values("sys-phone-number", "order 1234567")).isEmpty();
    }
}
