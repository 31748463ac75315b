package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalQuantileTest {

    /** Reference values from R's qnorm. */
    @ParameterizedTest
    @CsvSource({
        "0.5, 0.0",
        "0.8, 0.8416212335729143",
        "0.9, 1.2815515655446004",
        "0.95, 1.6448536269514722",
        "0.975, 1.959963984540054",
        "0.99, 2.3263478740408408",
        "0.999, 3.090232306167813",
        "0.01, -2.3263478740408408",
        "0.02, -2.053748910631823",
        "0.03, -1.880793608151251",
        "1e-9, -5.997807015007686"
    })
    void matchesReferenceQuantiles(double p, double z) {
        assertThat(NormalQuantile.of(p)).isCloseTo(z, within(Math.max(1e-8, Math.abs(z) * 1.2e-9)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.0242, 0.0243, 0.3, 0.6, 0.97})
    void isAntisymmetric(double p) {
        assertThat(NormalQuantile.of(p)).isCloseTo(-NormalQuantile.of(1 - p), within(1e-8));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
    void rejectsImpossibleProbabilities(double p) {
        assertThatThrownBy(() -> NormalQuantile.of(p)).isInstanceOf(IllegalArgumentException.class);
    }
}
