package io.tandem.classifier.service.nlu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tandem.contracts.MessageClassified.EntityMatch;

/**
 * Finds entity mentions: dictionary values and their synonyms (case-insensitive, whole words only), regular
 * expression patterns, and the system entities the skill enables ({@link SystemEntities}). Within one entity,
 * overlapping mentions resolve to the leftmost, then the longest.
 */
public final class EntityExtractor {

    /** System entities this extractor detects; skills may enable others, which then never match. */
    public static final Set<String> DETECTED_SYSTEM_ENTITIES = SystemEntities.SUPPORTED;

    private record Matchable(String value, Pattern pattern) {
    }

    private final Map<String, List<Matchable>> matchablesByEntity;
    private final Set<String> systemEntities;

    private EntityExtractor(Map<String, List<Matchable>> matchablesByEntity, Set<String> systemEntities) {
        this.matchablesByEntity = matchablesByEntity;
        this.systemEntities = systemEntities;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The mentions in {@code text}, leftmost first.
     *
     * @param today the day relative dates resolve against ({@code sys-date}): the message's day, so a replay finds
     *              the same dates
     */
    public List<EntityMatch> extract(String text, LocalDate today) {
        String normalized = normalizeApostrophes(text);
        List<EntityMatch> found = new ArrayList<>();
        matchablesByEntity.forEach((entity, matchables) -> {
            List<EntityMatch> candidates = new ArrayList<>();
            for (Matchable matchable : matchables) {
                Matcher matcher = matchable.pattern().matcher(normalized);
                while (matcher.find()) {
                    if (matcher.end() > matcher.start()) {
                        candidates.add(new EntityMatch(entity, matchable.value(), matcher.start(), matcher.end(),
                                1.0));
                    }
                }
            }
            if (systemEntities.contains(entity)) {
                for (SystemEntities.Mention mention : SystemEntities.find(entity, normalized, today)) {
                    candidates.add(new EntityMatch(entity, mention.value(), mention.start(), mention.end(), 1.0));
                }
            }
            found.addAll(withoutOverlaps(candidates));
        });
        found.sort(Comparator.comparingInt(EntityMatch::start));
        return found;
    }

    private static List<EntityMatch> withoutOverlaps(List<EntityMatch> candidates) {
        candidates.sort(Comparator.comparingInt(EntityMatch::start)
                .thenComparing(Comparator.comparingInt((EntityMatch match) -> match.end() - match.start()).reversed()));
        List<EntityMatch> kept = new ArrayList<>();
        int end = -1;
        for (EntityMatch candidate : candidates) {
            if (candidate.start() >= end) {
                kept.add(candidate);
                end = candidate.end();
            }
        }
        return kept;
    }

    /** Typographic apostrophes become plain ones; the text keeps its length, so offsets stay valid. */
    static String normalizeApostrophes(String text) {
        return text.replace('\u2019', '\'');
    }

    public static final class Builder {

        private final Map<String, List<Matchable>> matchablesByEntity = new LinkedHashMap<>();
        private final Set<String> systemEntities = new TreeSet<>();

        private Builder() {
        }

        /** Declares an entity, so it is known even when none of its values ever matches. */
        public Builder entity(String entity) {
            matchablesByEntity.computeIfAbsent(entity, name -> new ArrayList<>());
            return this;
        }

        /** A dictionary value: its own name and each synonym match as whole words, ignoring case. */
        public Builder synonyms(String entity, String value, List<String> synonyms) {
            List<String> terms = new ArrayList<>();
            terms.add(value);
            synonyms.forEach(terms::add);
            List<String> alternatives = terms.stream()
                    .map(String::trim)
                    .filter(term -> !term.isEmpty())
                    .map(EntityExtractor::normalizeApostrophes)
                    .distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .toList();
            if (!alternatives.isEmpty()) {
                Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives)
                        + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                entity(entity).matchablesByEntity.get(entity).add(new Matchable(value, pattern));
            }
            return this;
        }

        /** A pattern value: the mention's value is the value's name; its text is the matched literal. */
        public Builder pattern(String entity, String value, Pattern pattern) {
            entity(entity).matchablesByEntity.get(entity).add(new Matchable(value, pattern));
            return this;
        }

        /** Enables a system entity; only those in {@link #DETECTED_SYSTEM_ENTITIES} are actually detected. */
        public Builder systemEntity(String entity) {
            entity(entity);
            if (DETECTED_SYSTEM_ENTITIES.contains(entity)) {
                systemEntities.add(entity);
            }
            return this;
        }

        public EntityExtractor build() {
            Map<String, List<Matchable>> copy = new LinkedHashMap<>();
            matchablesByEntity.forEach((entity, matchables) -> copy.put(entity, List.copyOf(matchables)));
            return new EntityExtractor(copy, Set.copyOf(systemEntities));
        }
    }
}
