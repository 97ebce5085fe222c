package io.tandem.classifier.service.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into classifier terms: lower-cased words without apostrophes, minus a few function words, reduced by
 * a light suffix-stripping stemmer so that "parcels", "arrived" and "arriving" meet "parcel" and "arrive".
 */
public final class TextTokenizer {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "i", "im", "ive", "id", "me", "my", "mine", "you", "your", "youre", "we", "our", "us",
            "it", "its", "is", "are", "am", "was", "were", "be", "been", "being", "to", "of", "and", "or", "in",
            "on", "at", "for", "with", "by", "from", "this", "that", "these", "those", "do", "does", "did", "so",
            "just", "please", "pls", "there", "here", "some", "any", "as", "about", "then", "than", "also", "very",
            "really", "would", "could", "should", "will", "shall", "might", "may", "must", "he", "she", "they",
            "them", "their", "his", "her", "what", "whats", "how", "can", "cant", "get", "got", "have", "has",
            "had", "still", "yet", "now", "like", "tell", "know", "ok", "okay", "one");

    private TextTokenizer() {
    }

    /** The terms of {@code text}, in order, repeated as often as they occur. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        String normalized = text.toLowerCase(Locale.ROOT).replace("\u2019", "").replace("'", "");
        for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    static String stem(String word) {
        if (word.length() <= 3 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        String stem = word;
        if (stem.endsWith("ies") && stem.length() > 4) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.endsWith("sses")) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.endsWith("s") && !stem.endsWith("ss") && !stem.endsWith("us") && !stem.endsWith("is")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        if (stem.endsWith("ing") && stem.length() >= 6) {
            stem = undouble(stem.substring(0, stem.length() - 3));
        } else if (stem.endsWith("ed") && stem.length() >= 5) {
            stem = undouble(stem.substring(0, stem.length() - 2));
        }
        if (stem.endsWith("e") && stem.length() >= 5) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    /** "shipp" (from shipping, shipped) becomes "ship"; "call" and "pass" keep their double letters. */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "aeioulsz".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
