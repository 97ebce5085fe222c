package io.tandem.router.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tandem.router.Mode;
import io.tandem.router.WorkspaceSettings;
import io.tandem.router.config.RouterConfig;
import io.tandem.router.persistence.WorkspaceSettingsEntity;
import io.tandem.router.persistence.WorkspaceSettingsRepository;

/**
 * Integration settings per Intercom workspace: the stored row, or the configured defaults when there is none.
 */
@ApplicationScoped
public class SettingsService {

    static final int MAX_ID_LENGTH = 255;

    private static final String MODES = Arrays.stream(Mode.values()).map(Mode::name)
            .collect(Collectors.joining(", "));

    private final WorkspaceSettingsRepository repository;
    private final RouterConfig config;

    public SettingsService(WorkspaceSettingsRepository repository, RouterConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public WorkspaceSettings effectiveFor(String appId) {
        return repository.findByIdOptional(appId)
                .map(WorkspaceSettingsEntity::toSettings)
                .orElseGet(() -> defaultsFor(appId));
    }

    /**
     * Replaces a workspace's settings. A missing {@code minConfidence} means the configured default, a missing
     * or blank {@code handoffTeamId} means no handoff team.
     *
     * @throws InvalidSettingException naming the first offending field
     */
    @Transactional
    public WorkspaceSettings replace(String appId, String mode, Double minConfidence, String handoffTeamId) {
        requireId("appId", appId);
        WorkspaceSettings settings = new WorkspaceSettings(
                appId,
                parseMode(mode),
                minConfidence == null ? config.defaults().minConfidence() : checkConfidence(minConfidence),
                normalizeTeam(handoffTeamId),
                Instant.now());
        WorkspaceSettingsEntity entity = repository.findByIdOptional(appId).orElseGet(() -> {
            WorkspaceSettingsEntity created = new WorkspaceSettingsEntity();
            created.appId = appId;
            return created;
        });
        entity.apply(settings);
        repository.persist(entity);
        return settings;
    }

    private WorkspaceSettings defaultsFor(String appId) {
        return new WorkspaceSettings(appId, config.defaults().mode(), config.defaults().minConfidence(), null, null);
    }

    private static Mode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            throw new InvalidSettingException("mode", "mode is required, one of " + MODES);
        }
        try {
            return Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("mode", "unknown mode '" + mode + "', expected one of " + MODES);
        }
    }

    private static double checkConfidence(double minConfidence) {
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new InvalidSettingException("minConfidence",
                    "minConfidence must be between 0 and 1, was " + minConfidence);
        }
        return minConfidence;
    }

    private static String normalizeTeam(String handoffTeamId) {
        if (handoffTeamId == null || handoffTeamId.isBlank()) {
            return null;
        }
        String team = handoffTeamId.strip();
        requireId("handoffTeamId", team);
        return team;
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(field, field + " is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidSettingException(field, field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }
}
