package org.stockcast.model.lstm;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails fast when the native backend (nd4j-native + openblas) cannot be loaded on this host. */
class Nd4jLoadsTest {

    @Test
    void nativeBackendMultipliesMatrices() {
        INDArray a = Nd4j.create(new double[][]{{1, 2}, {3, 4}});
        INDArray b = Nd4j.create(new double[][]{{5, 6}, {7, 8}});

        INDArray product = a.mmul(b);

        assertThat(product.getDouble(0, 0)).isEqualTo(19.0);
        assertThat(product.getDouble(1, 1)).isEqualTo(50.0);
    }
}
