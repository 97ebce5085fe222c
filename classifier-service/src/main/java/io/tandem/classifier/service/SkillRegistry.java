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
 * Trained skills kept in memory. The database says which version is active, so a version imported through another
 * replica is picked up at the next message; each version is trained once per replica.
 */
@ApplicationScoped
public class SkillRegistry {

    private static final Logger LOG = Logger.getLogger(SkillRegistry.class);

    private final Map<String, ActiveSkill> trained = new ConcurrentHashMap<>();
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
        Optional<Integer> version = skills.activeVersion(appId);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        ActiveSkill cached = trained.get(appId);
        if (cached != null && cached.version() == version.get()) {
            return Optional.of(cached);
        }
        SkillVersionEntity stored = versions.find(appId, version.get()).orElseThrow();
        ActiveSkill loaded = new ActiveSkill(stored.version, train(stored));
        trained.put(appId, loaded);
        LOG.infof("trained skill version %d of app %s", loaded.version(), appId);
        return Optional.of(loaded);
    }

    /** Keeps a skill just trained for import, so the first message need not train it again. */
    void remember(String appId, ActiveSkill skill) {
        trained.merge(appId, skill, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
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
