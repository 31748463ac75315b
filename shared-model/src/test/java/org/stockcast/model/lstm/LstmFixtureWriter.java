package org.stockcast.model.lstm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Regenerates the committed saved-model fixture. Only run this when the zip format changes on purpose (bump
 * {@link LstmModelFile#FORMAT_VERSION}, write a NEW fixture and keep the old one loading):
 * {@code mvn -q -pl shared-model test-compile exec:java -Dexec.mainClass=org.stockcast.model.lstm.LstmFixtureWriter} from the repository root
 */
public final class LstmFixtureWriter {
    static final String ZIP = "lstm/tiny-v1.zip";
    static final String FORECAST = "lstm/tiny-v1-forecast.txt";

    private LstmFixtureWriter() {
    }

    static LstmConfig config() {
        return new LstmConfig(10, 4, 2, 0.2, LstmConfig.Activation.RELU, 0.01, 16, 2, 2, 0.1, 5L, 1_000);
    }

    static double[] history() {
        return SyntheticSeries.weekly(60, 12, 5, 0.5, 21);
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "shared-model/src/test/resources");
        LstmForecaster forecaster = LstmTrainer.train(List.of(SyntheticSeries.weekly(150, 12, 5, 0.5, 20)), config(),
                TrainingMode.FULL, Optional.empty(), TrainingListener.NONE).forecaster();
        forecaster.save(resources.resolve(ZIP));
        double[] forecast = forecaster.forecast(history(), 14, Rollout.FREE);
        Files.writeString(resources.resolve(FORECAST), java.util.Arrays.stream(forecast)
                .mapToObj(Double::toString).collect(Collectors.joining("\n", "", "\n")));
    }
}
