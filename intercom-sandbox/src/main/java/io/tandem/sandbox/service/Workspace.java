package io.tandem.sandbox.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.tandem.sandbox.Admin;
import io.tandem.sandbox.AdminList;
import io.tandem.sandbox.AdminWithApp;
import io.tandem.sandbox.App;
import io.tandem.sandbox.Team;
import io.tandem.sandbox.TeamList;
import io.tandem.sandbox.config.SandboxConfig;

/**
 * The workspace the sandbox pretends to be: Tandem's bot teammate, two human admins and two teams. Admins can be set
 * away (kept in memory, like everything in the sandbox).
 */
@ApplicationScoped
public class Workspace {

    public static final String SUPPORT_TEAM_ID = "5017691";
    public static final String BILLING_TEAM_ID = "5017692";
    public static final String SUPPORT_ADMIN_ID = "991268";
    public static final String BILLING_ADMIN_ID = "991269";

    private final App app;
    private final Admin bot;
    private final Map<String, Admin> admins = new ConcurrentHashMap<>();
    private final List<String> adminOrder;
    private final List<Team> teams;

    Workspace(SandboxConfig config) {
        this.app = App.of(config.appId(), Instant.now().getEpochSecond());
        this.bot = Admin.of(config.botAdminId(), "Tandem Bot", "tandem-bot@sandbox.tandem.invalid", List.of());
        Admin support = Admin.of(SUPPORT_ADMIN_ID, "Sam Rivera", "sam.rivera@sandbox.tandem.invalid",
                List.of(Long.valueOf(SUPPORT_TEAM_ID)));
        Admin billing = Admin.of(BILLING_ADMIN_ID, "Kim Okafor", "kim.okafor@sandbox.tandem.invalid",
                List.of(Long.valueOf(BILLING_TEAM_ID)));
        for (Admin admin : List.of(bot, support, billing)) {
            admins.put(admin.id(), admin);
        }
        this.adminOrder = List.of(bot.id(), support.id(), billing.id());
        this.teams = List.of(
                Team.of(SUPPORT_TEAM_ID, "Support", List.of(Long.valueOf(SUPPORT_ADMIN_ID))),
                Team.of(BILLING_TEAM_ID, "Billing", List.of(Long.valueOf(BILLING_ADMIN_ID))));
    }

    /** The admin behind the access token. */
    public AdminWithApp me() {
        return AdminWithApp.of(admins.get(bot.id()), app);
    }

    public AdminList admins() {
        return AdminList.of(adminOrder.stream().map(admins::get).toList());
    }

    /** The bot teammate Tandem acts as. */
    public Admin bot() {
        return admins.get(bot.id());
    }

    public TeamList teams() {
        return TeamList.of(teams);
    }

    public Optional<Admin> admin(String id) {
        return Optional.ofNullable(id).map(admins::get);
    }

    /** Sets the admin away or back; empty when there is no such admin. */
    public Optional<Admin> awayModeChanged(String id, boolean enabled, boolean reassign) {
        return Optional.ofNullable(id == null ? null
                : admins.computeIfPresent(id, (key, admin) -> admin.withAwayMode(enabled, reassign)));
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(team -> team.id().equals(id)).findFirst();
    }
}
