package io.tandem.classifier.service.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.tandem.contracts.MessageClassified.EntityMatch;

class EntityExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final EntityExtractor extractor = EntityExtractor.builder()
            .synonyms("product", "t-shirt", List.of("tee", "t shirt", " tshirt"))
            .synonyms("product", "shoes", List.of("sneakers", "running shoes"))
            .synonyms("reply", "no", List.of("don\u2019t want", "nope"))
            .pattern("order_number", "order_number", Pattern.compile("(?i)\\bTS-?\\d{6}\\b"))
            .systemEntity("sys-number")
            .systemEntity("sys-date")
            .build();

    @Test
    void findsValuesAndSynonymsIgnoringCase() {
        assertThat(extractor.extract("2 TEE and my Sneakers", TODAY)).containsExactly(
                new EntityMatch("sys-number", "2", 0, 1, 1.0),
                new EntityMatch("product", "t-shirt", 2, 5, 1.0),
                new EntityMatch("product", "shoes", 13, 21, 1.0));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(extractor.extract("teenagers like nopes", TODAY)).isEmpty();
    }

    @Test
    void prefersTheLongestOverlappingMention() {
        assertThat(extractor.extract("my running shoes", TODAY)).containsExactly(
                new EntityMatch("product", "shoes", 3, 16, 1.0));
        assertThat(extractor.extract("a t shirt", TODAY)).containsExactly(new EntityMatch("product", "t-shirt", 2, 9, 1.0));
    }

    @Test
    void patternValuesNameTheValueAndLocateTheLiteral() {
        List<EntityMatch> found = extractor.extract("status of ts-104823?", TODAY);
        assertThat(found).contains(new EntityMatch("order_number", "order_number", 10, 19, 1.0));
    }

    @Test
    void detectsNumbersWhenSysNumberIsEnabled() {
        assertThat(extractor.extract("pay 12.50 now", TODAY)).containsExactly(
                new EntityMatch("sys-number", "12.5", 4, 9, 1.0));
    }

    @Test
    void treatsTypographicApostrophesAsPlain() {
        assertThat(extractor.extract("I don't want it", TODAY)).containsExactly(new EntityMatch("reply", "no", 2, 12, 1.0));
    }
}
