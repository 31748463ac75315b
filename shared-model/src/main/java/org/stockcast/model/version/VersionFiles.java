package org.stockcast.model.version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.additive.AdditiveModelJson;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleSettings;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.master.VersionDataset;

/**
 * A model version's files with its dataset snapshot either as the master's month partitions ({@link VersionDataset},
 * what the retrain service writes) or as one {@code dataset.csv} ({@link ModelVersionFiles}: versions saved before
 * issue 14's 10,000-product run, the saved-model fixtures, and a table the master does not hold). The other files
 * are those of {@link ModelVersionFiles} either way.
 */
public final class VersionFiles {
    private final VersionDataset datasets = new VersionDataset();

    /**
     * Writes a version whose dataset is {@code master}'s current version as links to its partitions; falls back to
     * {@code dataset.csv} when the master does not hold exactly {@code model.dataset()}.
     */
    public static void write(EnsembleModel model, EnsembleWeights.Mode weighting, Optional<LstmForecaster> holdout,
                             MasterDataset master, Path dir) throws IOException {
        if (!VersionDataset.link(master, model.dataset(), dir)) {
            ModelVersionFiles.write(model, weighting, holdout, dir);
            return;
        }
        ModelVersionFiles.writeModels(model, weighting, holdout, dir);
    }

    /**
     * Reads a version of either layout. Not thread-safe (the months of the previous partitioned version are kept
     * and reused): one instance per loading thread.
     */
    public EnsembleModel read(Path dir) throws IOException {
        if (!VersionDataset.isPartitioned(dir)) {
            return ModelVersionFiles.read(dir);
        }
        EnsembleSettings settings = ModelVersionFiles.readSettings(dir);
        Map<String, FittedAdditiveModel> additiveModels;
        try (InputStream in = Files.newInputStream(dir.resolve(ModelVersionFiles.ADDITIVE))) {
            additiveModels = AdditiveModelJson.read(in);
        }
        LstmForecaster lstm = LstmForecaster.loadForServing(dir.resolve(ModelVersionFiles.LSTM));
        SalesTable dataset = datasets.read(dir);
        return new EnsembleModel(dataset, additiveModels, lstm, settings.weights(), settings.additiveConfig(),
                Optional.ofNullable(settings.calibration()), settings.seriesRules());
    }

    /** {@link #read} with a fresh instance (nothing to reuse): tests and tools. */
    public static EnsembleModel readOnce(Path dir) throws IOException {
        return new VersionFiles().read(dir);
    }
}
