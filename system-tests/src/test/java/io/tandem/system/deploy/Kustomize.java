package io.tandem.system.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization of {@code deploy/k8s} with {@code kubectl kustomize}, offline, into its resources.
 *
 * <p>It renders a copy of {@code deploy/k8s} in which every {@code secrets/X.env.example} has become
 * {@code secrets/X.env}, as an operator does before applying dev or prod. The operator's own {@code .env} files (real
 * credentials, git-ignored) are never copied, so nothing real reaches a test's output.
 */
final class Kustomize {

    private static final String EXAMPLE = ".example";

    private Kustomize() {
    }

    static List<JsonNode> render(Overlay overlay) {
        Path copy = copyWithExampleSecrets(RepositoryRoot.find().resolve("deploy/k8s"));
        try {
            return render(copy, overlay.directory());
        } finally {
            deleteRecursively(copy);
        }
    }

    private static List<JsonNode> render(Path root, String directory) {
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
            throw new UncheckedIOException("Could not render " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted rendering " + directory, e);
        }
    }

    private static Path copyWithExampleSecrets(Path source) {
        try {
            Path target = Files.createTempDirectory("deploy-k8s");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (Files.exists(file.resolveSibling(file.getFileName() + EXAMPLE))) {
                        continue;
                    }
                    String name = source.relativize(file).toString();
                    if (name.endsWith(EXAMPLE)) {
                        name = name.substring(0, name.length() - EXAMPLE.length());
                    }
                    Path copy = target.resolve(name);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + source, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
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
