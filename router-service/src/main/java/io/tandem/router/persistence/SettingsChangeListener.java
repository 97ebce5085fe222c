package io.tandem.router.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on PostgreSQL channel {@value #CHANNEL}, which triggers on {@code integration}, {@code backup_rule} and
 * {@code action_rule} notify with the changed workspace's app_id once the change is committed (migration V3), and
 * fires {@link SettingsChanged} for each. One connection of the pool is held for it.
 */
@ApplicationScoped
public class SettingsChangeListener {

    public static final String CHANNEL = "router_settings";
    private static final Logger LOG = Logger.getLogger(SettingsChangeListener.class);
    private static final int POLL_MILLIS = 250;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Event<SettingsChanged> changes;
    private volatile boolean running;
    private Thread thread;

    public SettingsChangeListener(DataSource dataSource, Event<SettingsChanged> changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "router-settings-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2 * POLL_MILLIS + 500);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                // whatever changed while nobody listened
                changes.fire(SettingsChanged.ANY);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            changes.fire(new SettingsChanged(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("not listening for settings changes (%s), retrying in %d s; decisions reuse settings "
                            + "for tandem.router.settings-cache-ttl meanwhile", e.getMessage(), RETRY.toSeconds());
                    changes.fire(SettingsChanged.ANY);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
