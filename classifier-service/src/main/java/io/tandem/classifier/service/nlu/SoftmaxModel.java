package io.tandem.classifier.service.nlu;

import java.util.Random;

import io.tandem.classifier.service.nlu.LexicalFeatures.Sparse;

/**
 * Multinomial logistic regression over a dense sentence embedding and sparse lexical features, trained by
 * stochastic gradient descent in a fixed, seeded example order with a linearly decaying step: single-threaded
 * and therefore deterministic. Few epochs without explicit L2 penalty keep the weights small (early stopping).
 */
final class SoftmaxModel {

    /** Gradients smaller than this are skipped: late in training most classes' probabilities are near zero. */
    private static final float MIN_GRADIENT = 1e-4f;

    final int classes;
    final int dense;
    final float[] denseWeights;
    /** Feature-major: the weights of sparse feature j are {@code sparseWeights[j * classes .. + classes)}. */
    final float[] sparseWeights;
    final float[] bias;

    SoftmaxModel(int classes, int dense, int sparse) {
        this.classes = classes;
        this.dense = dense;
        this.denseWeights = new float[classes * dense];
        this.sparseWeights = new float[classes * sparse];
        this.bias = new float[classes];
    }

    /**
     * @param rows   which examples to learn from
     * @param epochs passes over {@code rows}
     */
    static SoftmaxModel train(float[][] embeddings, Sparse[] lexical, int[] labels, int[] rows, int classes,
            int sparse, int epochs, float learningRate, long seed) {
        SoftmaxModel model = new SoftmaxModel(classes, embeddings[0].length, sparse);
        int[] order = rows.clone();
        Random random = new Random(seed);
        long steps = (long) epochs * order.length;
        long step = 0;
        float[] logits = new float[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int row : order) {
                float rate = learningRate * (1 - (float) step++ / steps);
                model.probabilities(embeddings[row], lexical[row], logits);
                logits[labels[row]] -= 1;
                model.update(embeddings[row], lexical[row], logits, rate);
            }
        }
        return model;
    }

    /** Class probabilities for one example, written into {@code out}. */
    void probabilities(float[] embedding, Sparse lexical, float[] out) {
        logits(embedding, lexical, out);
        softmax(out);
    }

    void logits(float[] embedding, Sparse lexical, float[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c] + dot(denseWeights, c * dense, embedding);
        }
        int[] indices = lexical.indices();
        float[] values = lexical.values();
        for (int k = 0; k < indices.length; k++) {
            int offset = indices[k] * classes;
            float value = values[k];
            for (int c = 0; c < classes; c++) {
                out[c] += sparseWeights[offset + c] * value;
            }
        }
    }

    /** {@code weights[offset..offset+x.length)} . {@code x}, summed in eight fixed lanes (the JIT pipelines them). */
    static float dot(float[] weights, int offset, float[] x) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int d = 0;
        for (; d + 8 <= x.length; d += 8) {
            int o = offset + d;
            s0 += weights[o] * x[d];
            s1 += weights[o + 1] * x[d + 1];
            s2 += weights[o + 2] * x[d + 2];
            s3 += weights[o + 3] * x[d + 3];
            s4 += weights[o + 4] * x[d + 4];
            s5 += weights[o + 5] * x[d + 5];
            s6 += weights[o + 6] * x[d + 6];
            s7 += weights[o + 7] * x[d + 7];
        }
        for (; d < x.length; d++) {
            s0 += weights[offset + d] * x[d];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    static void softmax(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < values.length; c++) {
            values[c] = (float) Math.exp(values[c] - max);
            sum += values[c];
        }
        for (int c = 0; c < values.length; c++) {
            values[c] /= sum;
        }
    }

    private void update(float[] embedding, Sparse lexical, float[] gradient, float rate) {
        int[] indices = lexical.indices();
        float[] values = lexical.values();
        for (int c = 0; c < classes; c++) {
            float g = gradient[c];
            if (Math.abs(g) < MIN_GRADIENT) {
                gradient[c] = 0;
                continue;
            }
            float step = rate * g;
            gradient[c] = step;
            bias[c] -= step;
            int offset = c * dense;
            for (int d = 0; d < dense; d++) {
                denseWeights[offset + d] -= step * embedding[d];
            }
        }
        for (int k = 0; k < indices.length; k++) {
            int offset = indices[k] * classes;
            float value = values[k];
            for (int c = 0; c < classes; c++) {
                sparseWeights[offset + c] -= gradient[c] * value;
            }
        }
    }

    /** Adds {@code other}'s weights times {@code factor} to this model's. */
    void add(SoftmaxModel other, float factor) {
        for (int i = 0; i < denseWeights.length; i++) {
            denseWeights[i] += other.denseWeights[i] * factor;
        }
        for (int i = 0; i < sparseWeights.length; i++) {
            sparseWeights[i] += other.sparseWeights[i] * factor;
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] += other.bias[i] * factor;
        }
    }
}
