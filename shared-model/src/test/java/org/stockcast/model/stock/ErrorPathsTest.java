package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorPathsTest {

    @Test
    void sumsAndPathsAreInSeriesUnitsAndUnknownDaysAreNaN() {
        ErrorPaths paths = new ErrorPaths(List.of(new double[] {1, -2, 4}, new double[] {1, Double.NaN, 1}), 2.5);
        assertThat(paths.size()).isEqualTo(2);
        assertThat(paths.sum(0, 2)).isCloseTo(-2.5, within(1e-12));
        assertThat(paths.sum(0, 3)).isCloseTo(7.5, within(1e-12));
        assertThat(paths.sum(0, 4)).isNaN(); // the path is 3 days long
        assertThat(paths.sum(1, 1)).isCloseTo(2.5, within(1e-12));
        assertThat(paths.sum(1, 2)).isNaN();
        assertThat(paths.path(0)).containsExactly(2.5, -5, 10);
    }

    @Test
    void ofCopiesTheCallersArraysAndNoneIsEmpty() {
        double[][] raw = {{3, 3}};
        ErrorPaths paths = ErrorPaths.of(raw);
        raw[0][0] = 100;
        assertThat(paths.sum(0, 2)).isCloseTo(6, within(1e-12));
        assertThat(paths.path(0)).containsExactly(3, 3);
        assertThat(ErrorPaths.NONE.isEmpty()).isTrue();
        assertThat(paths.isEmpty()).isFalse();
    }
}
