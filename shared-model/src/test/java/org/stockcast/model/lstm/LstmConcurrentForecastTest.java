package org.stockcast.model.lstm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class LstmConcurrentForecastTest {

    @Test
    void concurrentForecastsEqualSequentialOnes() throws Exception {
        LstmForecaster forecaster = LstmForecaster.load(fixture());
        List<double[]> histories = new ArrayList<>();
        List<double[]> sequential = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            double[] history = SyntheticSeries.weekly(40, 1 + 10 * i, 0.4 * (1 + 10 * i), i, i);
            histories.add(history);
            sequential.add(forecaster.forecast(history, 60));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (double[] history : histories) {
                    futures.add(pool.submit(() -> forecaster.forecast(history, 60)));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get()).containsExactly(sequential.get(f % histories.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(LstmConcurrentForecastTest.class.getClassLoader().getResource(LstmFixtureWriter.ZIP).toURI());
    }
}
