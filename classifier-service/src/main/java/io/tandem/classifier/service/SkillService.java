package io.tandem.classifier.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tandem.classifier.InvalidSkillException;
import io.tandem.classifier.SkillNotFoundException;
import io.tandem.classifier.SkillProblem;
import io.tandem.classifier.SkillVersion;
import io.tandem.classifier.config.ClassifierConfig;
import io.tandem.classifier.persistence.SkillEntity;
import io.tandem.classifier.persistence.SkillRepository;
import io.tandem.classifier.persistence.SkillVersionEntity;
import io.tandem.classifier.persistence.SkillVersionRepository;

/**
 * Imports skills: a workspace is trained first and stored, as the app's new active version, only if training
 * succeeded.
 */
@ApplicationScoped
public class SkillService {

    private final SkillRepository skills;
    private final SkillVersionRepository versions;
    private final SkillRegistry registry;
    private final ObjectMapper objectMapper;
    private final ClassifierConfig config;

    SkillService(SkillRepository skills, SkillVersionRepository versions, SkillRegistry registry,
            ObjectMapper objectMapper, ClassifierConfig config) {
        this.skills = skills;
        this.versions = versions;
        this.registry = registry;
        this.objectMapper = objectMapper;
        this.config = config;
    }

    /**
     * Trains {@code workspace} and stores it as the app's next version, made active.
     *
     * @throws InvalidSkillException with every problem when it cannot be trained; nothing is stored then
     */
    public SkillVersion importSkill(String appId, String workspace) {
        TrainedSkill trained = train(workspace);
        SkillVersion stored = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            skills.createIfAbsent(appId, now);
            return store(skills.findForUpdate(appId).orElseThrow(), workspace, trained, now);
        });
        registry.remember(appId, new ActiveSkill(stored.version(), trained));
        return stored;
    }

    /**
     * Imports {@code workspace} as version 1 unless the app already has a skill; safe when several replicas
     * start at once, as only the one that creates the app's skill row imports.
     *
     * @return whether it was imported
     */
    public boolean importIfAbsent(String appId, String workspace) {
        TrainedSkill trained = train(workspace);
        Optional<SkillVersion> stored = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            if (!skills.createIfAbsent(appId, now)) {
                return Optional.<SkillVersion>empty();
            }
            return Optional.of(store(skills.findForUpdate(appId).orElseThrow(), workspace, trained, now));
        });
        stored.ifPresent(version -> registry.remember(appId, new ActiveSkill(version.version(), trained)));
        return stored.isPresent();
    }

    /** Every stored version of the app's skill, oldest first, the active one marked. */
    public List<SkillVersion> versions(String appId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Integer active = skills.activeVersion(appId).orElseThrow(() -> new SkillNotFoundException(appId));
            return versions.list("appId = ?1 order by version", appId).stream()
                    .map(stored -> toVersion(stored, active))
                    .toList();
        });
    }

    /**
     * Makes a stored version the active one again; messages are classified with it from the next one on.
     *
     * @throws SkillNotFoundException when the app has no skill or no such version
     */
    public SkillVersion activate(String appId, int version) {
        SkillVersion activated = QuarkusTransaction.requiringNew().call(() -> {
            SkillEntity skill = skills.findForUpdate(appId).orElseThrow(() -> new SkillNotFoundException(appId));
            SkillVersionEntity stored = versions.find(appId, version)
                    .orElseThrow(() -> new SkillNotFoundException(appId, version));
            skill.activeVersion = stored.version;
            skill.updatedAt = Instant.now();
            return toVersion(stored, stored.version);
        });
        // trains the version now rather than with the next message
        registry.forget(appId);
        QuarkusTransaction.requiringNew().run(() -> registry.active(appId));
        return activated;
    }

    /** The app's active skill, trained. */
    public ActiveSkill trained(String appId) {
        return QuarkusTransaction.requiringNew().call(() -> registry.active(appId)
                .orElseThrow(() -> new SkillNotFoundException(appId)));
    }

    /** The app's active version and its workspace JSON as uploaded. */
    public StoredSkill activeSkill(String appId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Integer active = skills.activeVersion(appId).orElseThrow(() -> new SkillNotFoundException(appId));
            SkillVersionEntity stored = versions.find(appId, active).orElseThrow();
            return new StoredSkill(toVersion(stored), stored.workspace);
        });
    }

    private SkillVersion store(SkillEntity skill, String workspace, TrainedSkill trained, Instant now) {
        SkillVersionEntity version = new SkillVersionEntity();
        version.appId = skill.appId;
        version.version = versions.latestVersion(skill.appId) + 1;
        version.name = trained.name();
        version.workspace = workspace;
        version.createdAt = now;
        versions.persistAndFlush(version);
        skill.activeVersion = version.version;
        skill.updatedAt = now;
        return toVersion(version);
    }

    private TrainedSkill train(String workspace) {
        JsonNode json;
        try {
            json = workspace == null || workspace.isBlank() ? null : objectMapper.readTree(workspace);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidSkillException(List.of(new SkillProblem("workspace",
                    "is not valid JSON: " + e.getOriginalMessage() + where)));
        }
        return SkillTrainer.train(json, config.intentThreshold());
    }

    private static SkillVersion toVersion(SkillVersionEntity stored) {
        return toVersion(stored, stored.version);
    }

    private static SkillVersion toVersion(SkillVersionEntity stored, int activeVersion) {
        return new SkillVersion(stored.appId, stored.version, stored.name, stored.createdAt,
                stored.version == activeVersion);
    }

    /** A stored version with its workspace JSON exactly as uploaded. */
    public record StoredSkill(SkillVersion version, String workspace) {
    }
}
