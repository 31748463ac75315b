package org.stockcast.model.ensemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.stockcast.model.additive.AdditiveModelJson;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableCsv;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.lstm.LstmForecaster;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of one version directory: dataset.csv (snapshot), additive.json, lstm.zip, ensemble.json.
 * The manifest is the store's business ({@code store.ModelStore}).
 */
public final class ModelVersionFiles {
    public static final String DATASET = "dataset.csv";
    public static final String ADDITIVE = "additive.json";
    public static final String LSTM = "lstm.zip";
    /** The LSTM lineage trained only up to the backtest's holdout (retrain-service continues it; never served). */
    public static final String LSTM_HOLDOUT = "lstm-holdout.zip";
    public static final String ENSEMBLE = "ensemble.json";

    /** The snapshot was validated when it was uploaded; reading it back must not trip the upload limits. */
    private static final IngestLimits SNAPSHOT_LIMITS =
            new IngestLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 20);

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // error paths hold NaN for unknown actuals: written as "NaN", read back as NaN
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ModelVersionFiles() {
    }

    /** Writes with weighting mode FIXED; see {@link #write(EnsembleModel, EnsembleWeights.Mode, Path)}. */
    public static void write(EnsembleModel model, Path dir) throws IOException {
        write(model, EnsembleWeights.Mode.FIXED, dir);
    }

    public static void write(EnsembleModel model, EnsembleWeights.Mode weightingMode, Path dir) throws IOException {
        write(model, weightingMode, java.util.Optional.empty(), dir);
    }

    /** With the holdout lineage of the LSTM ({@link #LSTM_HOLDOUT}) when the retrain trained one. */
    public static void write(EnsembleModel model, EnsembleWeights.Mode weightingMode,
                             java.util.Optional<LstmForecaster> holdoutLstm, Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(DATASET))) {
            SalesTableCsv.write(model.dataset(), out);
        }
        writeModels(model, weightingMode, holdoutLstm, dir);
    }

    /** Every file but the dataset snapshot, for a version whose snapshot is stored another way. */
    public static void writeModels(EnsembleModel model, EnsembleWeights.Mode weightingMode,
                                   java.util.Optional<LstmForecaster> holdoutLstm, Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(ADDITIVE))) {
            AdditiveModelJson.write(model.additiveModels(), out);
        }
        model.lstm().save(dir.resolve(LSTM));
        if (holdoutLstm.isPresent()) {
            holdoutLstm.get().save(dir.resolve(LSTM_HOLDOUT));
        }
        EnsembleSettings settings = new EnsembleSettings(EnsembleSettings.FORMAT_VERSION, model.weights(),
                weightingMode, model.additiveConfig(), model.calibration().orElse(null), model.seriesRules());
        try {
            Files.write(dir.resolve(ENSEMBLE), JSON.writeValueAsBytes(settings));
        } catch (JacksonException e) {
            throw new IOException("Cannot write " + ENSEMBLE + ": " + e.getOriginalMessage(), e);
        }
    }

    public static EnsembleModel read(Path dir) throws IOException {
        EnsembleSettings settings = readSettings(dir);
        SalesTable dataset;
        try (InputStream in = Files.newInputStream(dir.resolve(DATASET))) {
            dataset = CsvIngest.read(in, DATASET, SNAPSHOT_LIMITS);
        }
        Map<String, FittedAdditiveModel> additiveModels;
        try (InputStream in = Files.newInputStream(dir.resolve(ADDITIVE))) {
            additiveModels = AdditiveModelJson.read(in);
        }
        LstmForecaster lstm = LstmForecaster.loadForServing(dir.resolve(LSTM));
        return new EnsembleModel(dataset, additiveModels, lstm, settings.weights(), settings.additiveConfig(),
                java.util.Optional.ofNullable(settings.calibration()), settings.seriesRules());
    }

    public static EnsembleSettings readSettings(Path dir) throws IOException {
        EnsembleSettings settings;
        try {
            settings = JSON.readValue(Files.readAllBytes(dir.resolve(ENSEMBLE)), EnsembleSettings.class);
        } catch (JacksonException e) {
            throw new IOException("Unreadable " + ENSEMBLE + ": " + e.getOriginalMessage(), e);
        }
        if (settings.formatVersion() < 1 || settings.formatVersion() > EnsembleSettings.FORMAT_VERSION) {
            throw new IOException(ENSEMBLE + " has format version " + settings.formatVersion()
                    + "; this build reads up to " + EnsembleSettings.FORMAT_VERSION);
        }
        if (settings.weights() == null || settings.additiveConfig() == null) {
            throw new IOException(ENSEMBLE + " lacks weights or additive_config");
        }
        return settings;
    }
}
