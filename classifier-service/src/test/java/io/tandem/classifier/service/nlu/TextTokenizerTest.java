package io.tandem.classifier.service.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTokenizerTest {

    @Test
    void lowerCasesDropsFunctionWordsAndPunctuation() {
        assertThat(TextTokenizer.terms("Where is MY parcel?!"))
                .containsExactly(TextTokenizer.stem("where"), "parcel");
    }

    @Test
    void joinsContractionsWithTypographicOrPlainApostrophes() {
        assertThat(TextTokenizer.terms("it hasn\u2019t arrived")).isEqualTo(TextTokenizer.terms("it hasn't arrived"));
    }

    @Test
    void stemsInflectionsToOneTerm() {
        assertThat(TextTokenizer.stem("arrived")).isEqualTo(TextTokenizer.stem("arrive"))
                .isEqualTo(TextTokenizer.stem("arriving"));
        assertThat(TextTokenizer.stem("parcels")).isEqualTo("parcel");
        assertThat(TextTokenizer.stem("shipping")).isEqualTo(TextTokenizer.stem("shipped")).isEqualTo("ship");
        assertThat(TextTokenizer.stem("deliveries")).isEqualTo("delivery");
        assertThat(TextTokenizer.stem("need")).isEqualTo("need");
    }

    @Test
    void keepsNumbersAsTheyAre() {
        assertThat(TextTokenizer.terms("order 104823")).containsExactly("order", "104823");
    }
}
