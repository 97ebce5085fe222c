package io.tandem.router.rest;

/**
 * Body of {@code PUT /api/workspaces/{appId}/settings}: mode is required, the rest optional.
 */
public record SettingsRequest(String mode, Double minConfidence, String handoffTeamId) {
}
