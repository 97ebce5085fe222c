package io.tandem.classifier.service.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tandem.contracts.MessageClassified.IntentScore;

/**
 * TF-IDF intent classifier over a skill's examples. An intent's confidence blends the cosine similarity of the
 * message to the intent's closest example and to the centroid of all its examples, so it lies in 0..1 and an
 * off-topic message, sharing no terms with any example, scores 0. Words never seen in training still count
 * against the similarity, so a long message about something else scores low even if it shares one word.
 */
public final class IntentClassifier {

    private static final double BEST_EXAMPLE_WEIGHT = 0.7;
    private static final int MAX_INTENTS = 10;

    private final Map<String, Double> idf;
    private final double unseenIdf;
    private final Map<String, List<Map<String, Double>>> examplesByIntent;
    private final Map<String, Map<String, Double>> centroids;
    private final List<Map<String, Double>> counterexamples;

    private IntentClassifier(Map<String, Double> idf, double unseenIdf,
            Map<String, List<Map<String, Double>>> examplesByIntent, Map<String, Map<String, Double>> centroids,
            List<Map<String, Double>> counterexamples) {
        this.idf = idf;
        this.unseenIdf = unseenIdf;
        this.examplesByIntent = examplesByIntent;
        this.centroids = centroids;
        this.counterexamples = counterexamples;
    }

    /**
     * @param examplesByIntent each intent's example texts, in the skill's order
     * @param counterexamples  texts that must not match any intent
     */
    public static IntentClassifier train(Map<String, List<String>> examplesByIntent, List<String> counterexamples) {
        List<List<String>> documents = new ArrayList<>();
        examplesByIntent.values().forEach(texts -> texts.forEach(text -> documents.add(TextTokenizer.terms(text))));
        counterexamples.forEach(text -> documents.add(TextTokenizer.terms(text)));
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (List<String> terms : documents) {
            terms.stream().distinct().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        int n = documents.size();
        Map<String, Double> idf = new HashMap<>();
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log((n + 1.0) / (df + 1.0)) + 1.0));
        double unseenIdf = Math.log(n + 1.0) + 1.0;

        IntentClassifier empty = new IntentClassifier(idf, unseenIdf, Map.of(), Map.of(), List.of());
        Map<String, List<Map<String, Double>>> vectorsByIntent = new LinkedHashMap<>();
        Map<String, Map<String, Double>> centroids = new LinkedHashMap<>();
        examplesByIntent.forEach((intent, texts) -> {
            List<Map<String, Double>> vectors = new ArrayList<>();
            Map<String, Double> sum = new HashMap<>();
            for (String text : texts) {
                Map<String, Double> vector = empty.vectorOf(text);
                vectors.add(vector);
                vector.forEach((term, weight) -> sum.merge(term, weight, Double::sum));
            }
            vectorsByIntent.put(intent, vectors);
            centroids.put(intent, normalized(sum));
        });
        List<Map<String, Double>> counterVectors = new ArrayList<>();
        counterexamples.forEach(text -> counterVectors.add(empty.vectorOf(text)));
        return new IntentClassifier(idf, unseenIdf, vectorsByIntent, centroids, counterVectors);
    }

    /** Every intent's confidence for {@code text}, highest first. */
    public List<IntentScore> scores(String text) {
        Map<String, Double> query = vectorOf(text);
        List<IntentScore> scores = new ArrayList<>();
        examplesByIntent.forEach((intent, examples) -> {
            double best = 0;
            for (Map<String, Double> example : examples) {
                best = Math.max(best, cosine(query, example));
            }
            double confidence = BEST_EXAMPLE_WEIGHT * best
                    + (1 - BEST_EXAMPLE_WEIGHT) * cosine(query, centroids.get(intent));
            scores.add(new IntentScore(intent, Math.round(Math.min(1.0, confidence) * 10_000) / 10_000.0));
        });
        scores.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        return scores;
    }

    /**
     * The intents Watson Assistant would report: at most ten, none below {@code threshold}, and none at all when
     * the top one is below it or a counterexample resembles the message at least as much.
     */
    public List<IntentScore> recognize(String text, double threshold) {
        List<IntentScore> scores = scores(text);
        if (scores.isEmpty() || scores.get(0).confidence() < threshold) {
            return List.of();
        }
        Map<String, Double> query = vectorOf(text);
        for (Map<String, Double> counterexample : counterexamples) {
            if (cosine(query, counterexample) >= scores.get(0).confidence()) {
                return List.of();
            }
        }
        return scores.stream().filter(score -> score.confidence() >= threshold).limit(MAX_INTENTS).toList();
    }

    private Map<String, Double> vectorOf(String text) {
        Map<String, Integer> counts = new HashMap<>();
        TextTokenizer.terms(text).forEach(term -> counts.merge(term, 1, Integer::sum));
        Map<String, Double> vector = new HashMap<>();
        counts.forEach((term, count) -> vector.put(term,
                (1.0 + Math.log(count)) * idf.getOrDefault(term, unseenIdf)));
        return normalized(vector);
    }

    private static Map<String, Double> normalized(Map<String, Double> vector) {
        double norm = Math.sqrt(vector.values().stream().mapToDouble(weight -> weight * weight).sum());
        if (norm == 0) {
            return Map.of();
        }
        Map<String, Double> unit = new HashMap<>();
        vector.forEach((term, weight) -> unit.put(term, weight / norm));
        return unit;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> smaller = a.size() <= b.size() ? a : b;
        Map<String, Double> larger = smaller == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> entry : smaller.entrySet()) {
            Double other = larger.get(entry.getKey());
            if (other != null) {
                dot += entry.getValue() * other;
            }
        }
        return dot;
    }
}
