package io.tandem.system.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, offline, into its resources. */
final class Kustomize {

    private Kustomize() {
    }

    /** The resources rendered from {@code directory}, relative to the repository root. */
    static List<JsonNode> render(String directory) {
        Path root = RepositoryRoot.find();
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process kubectl = start(root, directory, out, err);
                if (!kubectl.waitFor(60, TimeUnit.SECONDS)) {
                    kubectl.destroyForcibly();
                    fail("kubectl kustomize %s did not finish in 60 s", directory);
                }
                if (kubectl.exitValue() != 0) {
                    fail("kubectl kustomize %s exited %d:%n%s", directory, kubectl.exitValue(), Files.readString(err));
                }
                return new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(out.toFile()).readAll();
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not render " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted rendering " + directory, e);
        }
    }

    private static Process start(Path root, String directory, Path out, Path err) {
        try {
            return new ProcessBuilder("kubectl", "kustomize", directory)
                    .directory(root.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to check the Kubernetes manifests and was not found on the PATH ("
                    + e.getMessage() + "). Install kubectl 1.27 or newer, whose built-in kustomize 5 renders deploy/k8s.", e);
        }
    }
}
