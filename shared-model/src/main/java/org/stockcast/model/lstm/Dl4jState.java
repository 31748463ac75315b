package org.stockcast.model.lstm;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maps the plain-Java trainer's flat parameters and Adam state to and from a DL4J {@link MultiLayerNetwork}, so
 * training continues exactly where DL4J's updater left off and saving and fine-tuning work as after DL4J's fit.
 */
final class Dl4jState {
    private Dl4jState() {
    }

    /**
     * For each of our flat parameters, its index in DL4J's flat parameter (and Adam state) view. Found by loading
     * 0..n-1 into a same-shaped network and reading it back through the named parameter views, so it does not
     * depend on how DL4J orders W and RW inside its view.
     */
    static int[] indexes(LstmConfig config, LstmLayout layout) {
        int n = layout.parameterCount();
        MultiLayerNetwork probe = LstmNetworks.fresh(config);
        probe.setParams(Nd4j.linspace(DataType.FLOAT, 0, n, 1).reshape(1, n));
        float[] positions = new float[n];
        readParameters(layout, probe, positions);
        int[] indexes = new int[n];
        for (int p = 0; p < n; p++) {
            indexes[p] = Math.round(positions[p]);
        }
        return indexes;
    }

    /** Loads parameters, Adam moments and the iteration count (Adam's bias correction) from the network. */
    static void read(MultiLayerNetwork network, int[] dl4jIndexes, LstmLayout layout, float[] params,
                     AdamState adam) {
        readParameters(layout, network, params);
        float[] state = adamStateView(network, params.length).toFloatVector();
        float[] m = adam.m();
        float[] v = adam.v();
        int n = params.length;
        for (int p = 0; p < n; p++) {
            m[p] = state[dl4jIndexes[p]];
            v[p] = state[n + dl4jIndexes[p]];
        }
        adam.steps(network.getLayerWiseConfigurations().getIterationCount());
    }

    /** Writes parameters, Adam moments and the iteration count back into the network. */
    static void write(MultiLayerNetwork network, int[] dl4jIndexes, float[] params, AdamState adam) {
        int n = params.length;
        float[] flat = new float[n];
        float[] state = new float[2 * n];
        float[] m = adam.m();
        float[] v = adam.v();
        for (int p = 0; p < n; p++) {
            flat[dl4jIndexes[p]] = params[p];
            state[dl4jIndexes[p]] = m[p];
            state[n + dl4jIndexes[p]] = v[p];
        }
        network.setParams(Nd4j.create(flat, new long[]{1, n}, 'c'));
        adamStateView(network, n).assign(Nd4j.create(state, new long[]{1, 2L * n}, 'c'));
        network.getLayerWiseConfigurations().setIterationCount(adam.steps());
    }

    /** Copies the network's parameters in (DL4J keeps W and RW column-major in its flat view; we read by index). */
    static void readParameters(LstmLayout layout, MultiLayerNetwork network, float[] params) {
        int layers = layout.layers();
        for (int l = 0; l < layers; l++) {
            copyIn(network.getParam(l + "_W"), params, layout.w(l));
            copyIn(network.getParam(l + "_RW"), params, layout.rw(l));
            copyIn(network.getParam(l + "_b"), params, layout.b(l));
        }
        copyIn(network.getParam(layers + "_W"), params, layout.outW());
        copyIn(network.getParam(layers + "_b"), params, layout.outB());
    }

    private static void copyIn(INDArray matrix, float[] params, int offset) {
        long rows = matrix.rank() == 1 ? 1 : matrix.size(0);
        long cols = matrix.rank() == 1 ? matrix.length() : matrix.size(1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                params[(int) (offset + r * cols + c)] = matrix.rank() == 1 ? matrix.getFloat(c) : matrix.getFloat(r, c);
            }
        }
    }

    /** DL4J's Adam keeps [m, v] for the whole network in one block when every layer has the same updater. */
    private static INDArray adamStateView(MultiLayerNetwork network, int n) {
        Updater updater = network.getUpdater();
        INDArray state = updater == null ? null : updater.getStateViewArray();
        // One updater block means the state is [m of every parameter, v of every parameter]; several blocks would
        // interleave [m, v] per block, which the index mapping does not handle.
        boolean oneBlock = updater instanceof BaseMultiLayerUpdater<?> multi && multi.getUpdaterBlocks().size() == 1;
        if (!oneBlock || state == null || state.length() != 2L * n) {
            throw new IllegalStateException("Unexpected DL4J updater state: " + (state == null ? "none"
                    : state.length() + " values for " + n + " parameters"));
        }
        return state;
    }
}
