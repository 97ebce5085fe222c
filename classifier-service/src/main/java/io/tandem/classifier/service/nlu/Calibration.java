package io.tandem.classifier.service.nlu;

import java.util.List;

/**
 * Maps an intent's features to the probability that it is the right one: logistic regression fitted by Newton's
 * method on held-out predictions, with a Gaussian prior around weights that fit public data sets, so that a skill
 * with few examples (or no wrong held-out predictions at all) still gets a sensible map.
 */
final class Calibration {

    private Calibration() {
    }

    static double apply(double[] weights, double[] features) {
        double z = weights[weights.length - 1];
        for (int i = 0; i < features.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * @param prior    weights (features..., intercept) the fit is pulled towards
     * @param strength how many examples' worth of weight the prior has
     */
    static double[] fit(List<double[]> rows, List<Boolean> labels, double[] prior, double strength) {
        int d = prior.length;
        double[] w = prior.clone();
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int j = 0; j < d; j++) {
                gradient[j] = strength * (w[j] - prior[j]);
                hessian[j][j] = strength;
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] x = withIntercept(rows.get(r), d);
                double p = apply(w, rows.get(r));
                double error = p - (labels.get(r) ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    gradient[i] += error * x[i];
                    for (int j = 0; j < d; j++) {
                        hessian[i][j] += curvature * x[i] * x[j];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-7) {
                break;
            }
        }
        return w;
    }

    private static double[] withIntercept(double[] features, int d) {
        double[] x = new double[d];
        System.arraycopy(features, 0, x, 0, features.length);
        x[d - 1] = 1;
        return x;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
