package io.tandem.classifier.service.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lexical half of the intent model: TF-IDF over words, word pairs and character 3- to 5-grams inside words
 * (so "refund", "refunded" and "refnud" share most features). The vocabulary is what the training texts contain
 * at least twice (single occurrences are mostly noise and would only grow the model); unseen features are ignored.
 */
final class LexicalFeatures {

    private final Map<String, Integer> index;
    private final float[] idf;

    private LexicalFeatures(Map<String, Integer> index, float[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** A sparse unit-length vector: ascending feature indices and their weights. */
    record Sparse(int[] indices, float[] values) {
        static final Sparse EMPTY = new Sparse(new int[0], new float[0]);
    }

    static LexicalFeatures fit(List<String> texts) {
        Map<String, Integer> documentFrequency = new LinkedHashMap<>();
        for (String text : texts) {
            grams(text).keySet().forEach(gram -> documentFrequency.merge(gram, 1, Integer::sum));
        }
        Map<String, Integer> index = new HashMap<>();
        List<Float> weights = new ArrayList<>();
        int n = texts.size();
        documentFrequency.forEach((gram, df) -> {
            if (df >= 2 || n < 50) {
                index.put(gram, index.size());
                weights.add((float) (Math.log((n + 1.0) / (df + 1.0)) + 1.0));
            }
        });
        float[] idf = new float[weights.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = weights.get(i);
        }
        return new LexicalFeatures(index, idf);
    }

    int size() {
        return idf.length;
    }

    Sparse vector(String text) {
        Map<Integer, Float> weights = new HashMap<>();
        grams(text).forEach((gram, count) -> {
            Integer i = index.get(gram);
            if (i != null) {
                weights.put(i, (float) ((1 + Math.log(count)) * idf[i]));
            }
        });
        if (weights.isEmpty()) {
            return Sparse.EMPTY;
        }
        int[] indices = weights.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] values = new float[indices.length];
        double norm = 0;
        for (int k = 0; k < indices.length; k++) {
            values[k] = weights.get(indices[k]);
            norm += values[k] * values[k];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < values.length; k++) {
            values[k] *= scale;
        }
        return new Sparse(indices, values);
    }

    /** Every feature of {@code text} with its count, in order of first occurrence. */
    static Map<String, Integer> grams(String text) {
        Map<String, Integer> grams = new LinkedHashMap<>();
        String normalized = (text == null ? "" : text).toLowerCase(Locale.ROOT).replace("\u2019", "").replace("'", "");
        String[] words = Arrays.stream(normalized.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        for (int w = 0; w < words.length; w++) {
            grams.merge("w " + words[w], 1, Integer::sum);
            if (w > 0) {
                grams.merge("b " + words[w - 1] + " " + words[w], 1, Integer::sum);
            }
            String padded = "<" + words[w] + ">";
            for (int length = 3; length <= 5; length++) {
                for (int start = 0; start + length <= padded.length(); start++) {
                    grams.merge("c " + padded.substring(start, start + length), 1, Integer::sum);
                }
            }
        }
        return grams;
    }
}
