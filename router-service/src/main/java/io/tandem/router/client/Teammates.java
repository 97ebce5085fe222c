package io.tandem.router.client;

import java.util.List;
import java.util.Optional;

import io.tandem.router.Backup;

/** A workspace's admins and teams, as Intercom listed them. */
public record Teammates(List<IntercomAdmins.Admin> admins, List<IntercomTeams.Team> teams) {

    public Optional<IntercomAdmins.Admin> admin(String id) {
        return admins.stream().filter(admin -> admin.id().equals(id)).findFirst();
    }

    public Optional<IntercomTeams.Team> team(String id) {
        return teams.stream().filter(team -> team.id().equals(id)).findFirst();
    }

    /**
     * Whether someone who could take the conversation is not in away mode: the backup teammate, a member of the
     * backup team, or, for the Unassigned inbox (no backup), any teammate but the assistant.
     */
    public boolean someoneAvailable(Backup backup, String assistantAdminId) {
        List<String> candidates;
        if (backup == null) {
            candidates = admins.stream().map(IntercomAdmins.Admin::id).toList();
        } else if (backup.type() == Backup.Type.ADMIN) {
            candidates = List.of(backup.id());
        } else {
            candidates = team(backup.id()).map(IntercomTeams.Team::adminIds).orElse(List.of());
        }
        return candidates.stream()
                .filter(id -> !id.equals(assistantAdminId))
                .map(this::admin)
                .flatMap(Optional::stream)
                .anyMatch(admin -> !admin.awayModeEnabled());
    }
}
