package io.tandem.classifier.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tandem.classifier.config.ClassifierConfig;

/**
 * Gives the configured app the bundled demo skill at startup, when it has no skill yet, so a local run answers
 * out of the box.
 */
@ApplicationScoped
public class SkillSeeder {

    private static final Logger LOG = Logger.getLogger(SkillSeeder.class);

    private final SkillService skills;
    private final ClassifierConfig config;

    SkillSeeder(SkillService skills, ClassifierConfig config) {
        this.skills = skills;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        config.seed().appId().filter(appId -> !appId.isBlank()).ifPresent(this::seed);
    }

    void seed(String appId) {
        String resource = config.seed().resource();
        if (skills.importIfAbsent(appId, read(resource))) {
            LOG.infof("imported the skill %s for app %s", resource, appId);
        } else {
            LOG.debugf("app %s already has a skill; %s not imported", appId, resource);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " to seed from");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
