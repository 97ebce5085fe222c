package io.tandem.classifier.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.classifier.config.ClassifierConfig;
import io.tandem.classifier.persistence.SkillRepository;
import io.tandem.classifier.persistence.SkillVersionEntity;
import io.tandem.classifier.persistence.SkillVersionRepository;

/**
 * Trained skills kept in memory. The database says which version is active: it is read again when the version in
 * memory is older than {@code tandem.classifier.active-version-check}, so a version imported or activated through
 * another replica is picked up within that time (through this one, at once), without a query per message. Each
 * version is trained once per replica.
 */
@ApplicationScoped
public class SkillRegistry {

    private static final Logger LOG = Logger.getLogger(SkillRegistry.class);

    /** A trained active skill, and when its version was last read from the database (System.nanoTime()). */
    private record Checked(ActiveSkill skill, long checkedAt) {
    }

    /** An app's skill version. */
    private record VersionKey(String appId, int version) {
    }

    private final Map<String, Checked> trained = new ConcurrentHashMap<>();
    /** Versions being trained: consumers meeting the same new version at once wait for one training. */
    private final SharedComputations<VersionKey, ActiveSkill> trainings = new SharedComputations<>();
    private final SkillRepository skills;
    private final SkillVersionRepository versions;
    private final ObjectMapper objectMapper;
    private final ClassifierConfig config;

    SkillRegistry(SkillRepository skills, SkillVersionRepository versions, ObjectMapper objectMapper,
            ClassifierConfig config) {
        this.skills = skills;
        this.versions = versions;
        this.objectMapper = objectMapper;
        this.config = config;
    }

    /** The app's active skill, trained; empty when the app has none. Call inside a transaction. */
    public Optional<ActiveSkill> active(String appId) {
        Checked cached = trained.get(appId);
        long now = System.nanoTime();
        if (cached != null && now - cached.checkedAt() < config.activeVersionCheck().toNanos()) {
            return Optional.of(cached.skill());
        }
        Optional<Integer> version = skills.activeVersion(appId);
        if (version.isEmpty()) {
            trained.remove(appId);
            return Optional.empty();
        }
        if (cached != null && cached.skill().version() == version.get()) {
            trained.put(appId, new Checked(cached.skill(), now));
            return Optional.of(cached.skill());
        }
        int active = version.get();
        ActiveSkill loaded = trainings.get(new VersionKey(appId, active), () -> {
            // a training that ended since this caller looked has left the version here
            Checked fresh = trained.get(appId);
            if (fresh != null && fresh.skill().version() == active) {
                return fresh.skill();
            }
            SkillVersionEntity stored = versions.find(appId, active).orElseThrow();
            ActiveSkill skill = new ActiveSkill(stored.version, train(stored));
            trained.put(appId, new Checked(skill, System.nanoTime()));
            LOG.infof("trained skill version %d of app %s", skill.version(), appId);
            return skill;
        });
        trained.put(appId, new Checked(loaded, System.nanoTime()));
        return Optional.of(loaded);
    }

    /** Keeps a skill just trained for import, so the first message need not train it again. */
    void remember(String appId, ActiveSkill skill) {
        Checked fresh = new Checked(skill, System.nanoTime());
        trained.merge(appId, fresh, (old, young) -> young.skill().version() >= old.skill().version() ? young : old);
    }

    /** Reads the active version again at the next message (another version was activated through this replica). */
    void forget(String appId) {
        trained.remove(appId);
    }

    private TrainedSkill train(SkillVersionEntity stored) {
        try {
            return SkillTrainer.train(objectMapper.readTree(stored.workspace), config.intentThreshold());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored skill " + stored.appId + " v" + stored.version
                    + " is not JSON", e);
        }
    }
}
