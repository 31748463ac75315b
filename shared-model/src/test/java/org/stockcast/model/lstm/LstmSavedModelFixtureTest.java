package org.stockcast.model.lstm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Models saved by earlier versions must keep loading and forecasting the same numbers. */
class LstmSavedModelFixtureTest {

    @Test
    void formatVersion1ModelLoadsAndForecastsAsWhenSaved() throws IOException, URISyntaxException {
        LstmForecaster forecaster = LstmForecaster.load(resource(LstmFixtureWriter.ZIP));
        double[] expected = Files.readAllLines(resource(LstmFixtureWriter.FORECAST)).stream()
                .mapToDouble(Double::parseDouble).toArray();

        double[] forecast = forecaster.forecast(LstmFixtureWriter.history(), expected.length, Rollout.FREE);

        assertThat(forecaster.config()).isEqualTo(LstmFixtureWriter.config());
        for (int i = 0; i < expected.length; i++) {
            assertThat(forecast[i]).as("day %d", i + 1).isCloseTo(expected[i], within(1e-4 * (1 + expected[i])));
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LstmSavedModelFixtureTest.class.getClassLoader().getResource(name).toURI());
    }
}
