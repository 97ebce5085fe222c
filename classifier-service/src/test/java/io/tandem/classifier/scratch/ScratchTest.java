package io.tandem.classifier.scratch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tandem.classifier.service.SkillResponse;
import io.tandem.classifier.service.SkillTrainer;
import io.tandem.classifier.service.TrainedSkill;
import io.tandem.classifier.service.dialog.DialogState;

class ScratchTest {
    @Test
    void run() throws Exception {
        for (String script : Files.readString(Path.of("/tmp/scratch.txt")).strip().split(";;")) {
            String[] parts = script.split("\\|");
            TrainedSkill skill = SkillTrainer.train(new ObjectMapper().readTree(Files.readString(Path.of("/work/shared/skills", parts[0]))), 0.2);
            Map<String, Object> context = new LinkedHashMap<>();
            DialogState state = DialogState.INITIAL;
            ZonedDateTime now = ZonedDateTime.parse("2026-11-26T02:00:00Z");
            for (int i = 1; i < parts.length; i++) {
                SkillResponse r = skill.respond(parts[i], context, state, i == 1, now, "e" + i);
                context = r.context();
                state = r.turn().state();
                System.out.println("SCRATCH >> " + parts[i] + "\n   intents=" + r.intents() + "\n   entities=" + r.entities()
                        + "\n   nodes=" + r.turn().nodeIds() + "\n   texts=" + r.turn().texts() + "\n   matched=" + r.turn().matchedRootNodes().size()
                        + "\n   waiting=" + r.turn().state().waiting());
            }
        }
    }
}
