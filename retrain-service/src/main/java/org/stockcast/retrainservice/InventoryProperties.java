package org.stockcast.retrainservice;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.stockcast.common.config.CommonProperties;
import org.stockcast.model.dataset.AbsentDays;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.BacktestPlan;
import org.stockcast.model.holidays.HolidayRules;
import org.stockcast.model.holidays.PublicHolidays;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.lstm.LstmConfig;

/**
 * Everything under {@code inventory.*} the retrain service reads (docs/api.md "Configuration"); the directories are the
 * shared {@link CommonProperties}.
 */
@ConfigurationProperties("inventory")
@Validated
public record InventoryProperties(
        @DefaultValue(CommonProperties.DEFAULT_DATA_DIR) @NotNull Path dataDir,
        @DefaultValue(CommonProperties.DEFAULT_MODEL_DIR) @NotNull Path modelDir,
        @DefaultValue @Valid Models models,
        @DefaultValue @Valid Retrain retrain,
        @DefaultValue @Valid Upload upload,
        @DefaultValue @Valid Lstm lstm,
        @DefaultValue @Valid Ensemble ensemble,
        @DefaultValue @Valid Evaluate evaluate,
        @DefaultValue @Valid Data data,
        @DefaultValue @Valid Holidays holidays) implements CommonProperties {

    /**
     * How rows become daily series (docs/api.md "Days, missing values and aggregates"): {@code absentDays} is what a day
     * without a row inside a product's reported span means (ZERO sales, or MISSING); a product with no report for
     * more than {@code discontinuedAfterDays} days before an aggregate's newest day no longer holds it back.
     */
    public record Data(@DefaultValue("ZERO") @NotNull AbsentDays absentDays,
                       @DefaultValue("28") @PositiveOrZero int discontinuedAfterDays) {

        public SeriesRules rules() {
            return new SeriesRules(absentDays, discontinuedAfterDays);
        }
    }

    /**
     * Special days for the additive model: {@code country} names a public-holiday calendar (Jollyday's codes: us,
     * de, gb, fr, ...; empty = none, the default, since the right calendar depends on where the sales happen), and
     * an upload's {@code holiday}/{@code event} column always adds its own days; each gets a window of
     * {@code daysBefore}/{@code daysAfter} days around the date, as Prophet's lower/upper_window.
     */
    public record Holidays(@DefaultValue("") String country,
                           @DefaultValue("0") @PositiveOrZero int daysBefore,
                           @DefaultValue("0") @PositiveOrZero int daysAfter) {

        @AssertTrue(message = "country must be one of Jollyday's calendar codes (e.g. us, de, gb) or empty")
        public boolean isCountryKnown() {
            return country == null || country.isBlank()
                    || PublicHolidays.countries().contains(country.strip().toLowerCase(java.util.Locale.ROOT));
        }

        public HolidayRules rules() {
            return new HolidayRules(java.util.Optional.ofNullable(country), daysBefore, daysAfter);
        }
    }

    /** How many model versions the store keeps. */
    public record Models(@DefaultValue("5") @Positive int keep) {
    }

    /**
     * @param apiKey         bearer token required by the POST endpoints; null or blank = open
     * @param forecastUrl    where the retrain page links to once a version is published
     * @param heartbeat      interval of SSE comment lines that keep idle proxies from closing the stream
     * @param trainOnStart   train version 1 from the master dataset when the store holds no valid version
     * @param jobsKept       finished jobs (with their event logs) kept for status and replay
     * @param fullEvery      every that many trainings (uploads) the LSTM is trained from scratch instead of
     *                       fine-tuned on what changed, so many small fine-tunes cannot drift for ever; 0 = only on
     *                       request ({@code fineTune=false})
     */
    public record Retrain(String apiKey,
                          @DefaultValue("http://localhost:8001/docs") @NotNull URI forecastUrl,
                          @DefaultValue("10s") @NotNull Duration heartbeat,
                          @DefaultValue("true") boolean trainOnStart,
                          @DefaultValue("20") @Positive int jobsKept,
                          @DefaultValue("30") @PositiveOrZero int fullEvery) {

        @AssertTrue(message = "heartbeat must be positive")
        public boolean isHeartbeatPositive() {
            return heartbeat != null && !heartbeat.isNegative() && !heartbeat.isZero();
        }

        public boolean apiKeyRequired() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /** Upload limits (docs/api.md "CSV input"). */
    public record Upload(@DefaultValue("50MB") @NotNull DataSize maxBytes,
                         @DefaultValue("1000") @Positive int maxColumns,
                         @DefaultValue("10000") @Positive int maxFieldChars,
                         @DefaultValue("20") @Positive int maxProblems) {

        public IngestLimits limits() {
            return new IngestLimits(maxBytes.toBytes(), maxColumns, maxFieldChars, maxProblems);
        }
    }

    /**
     * LSTM network and training settings; defaults are the old system's (see {@link LstmConfig#defaults()}).
     * {@code maxHistoryDays} trains on the last that many days of each series (0 = all): a global network gains
     * little from decades of history, and without a bound the training time grows with it
     * (large_dataset.csv spans 55 years: about 420,000 windows per epoch instead of about 23,000).
     * {@code maxTrainingWindows} caps the windows per epoch on top of that (see {@link LstmConfig}), so many
     * products with long histories cannot make one epoch arbitrarily long either. {@code fineTuneMaxWindows} caps
     * the daily incremental fine-tune's windows (new ones sampled, as many replayed): one new day of 10,000 products
     * is 10,000 new windows, and fine-tuning both lineages on 20,000 took 54-79 s of an 86-138 s upload
     * (BENCHMARKS.md, issue 14); a day of 2,000 products or fewer is trained on whole.
     */
    public record Lstm(@DefaultValue("10") @Positive int window,
                       @DefaultValue("50") @Positive int units,
                       @DefaultValue("2") @Positive int layers,
                       @DefaultValue("0.2") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double dropout,
                       @DefaultValue("RELU") @NotNull LstmConfig.Activation activation,
                       @DefaultValue("0.001") @Positive double learningRate,
                       @DefaultValue("32") @Positive int batchSize,
                       @DefaultValue("50") @Positive int epochs,
                       @DefaultValue("5") @Positive int patience,
                       @DefaultValue("0.1") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
                       double validationFraction,
                       @DefaultValue("42") long seed,
                       @DefaultValue("1095") @PositiveOrZero int maxHistoryDays,
                       @DefaultValue("20000") @Positive int maxTrainingWindows,
                       @DefaultValue("5") @Positive int fineTuneEpochs,
                       @DefaultValue("2") @Positive int fineTunePatience,
                       @DefaultValue("1.0") @DecimalMin("0") double replayRatio,
                       @DefaultValue("4000") @Positive int fineTuneMaxWindows) {

        public LstmConfig config() {
            return new LstmConfig(window, units, layers, dropout, activation, learningRate, batchSize, epochs,
                    patience, validationFraction, seed, maxTrainingWindows);
        }
    }

    /**
     * {@code weights: auto} (default) serves the horizon weights learned from the backtest; {@code fixed} blends
     * 0.6 additive / 0.4 LSTM at every horizon (intervals are calibrated either way).
     */
    public record Ensemble(@DefaultValue("AUTO") @NotNull EnsembleWeights.Mode weights) {
    }

    /**
     * The backtest before publishing ({@link BacktestPlan}): weekly origins ({@code step}) over the last
     * {@code holdoutDays} days, which the scored LSTM never trains on, plus {@code longOrigins} origins
     * {@code longStep} days apart for the 92-365-day horizons; at most {@code maxProducts} products are backtested
     * (the others use their kind's pooled calibration); {@code intervalWidth} is the served interval's coverage.
     */
    public record Evaluate(@DefaultValue("91") @Positive int holdoutDays,
                           @DefaultValue("7") @Positive int step,
                           @DefaultValue("3") @PositiveOrZero int longOrigins,
                           @DefaultValue("91") @Positive int longStep,
                           @DefaultValue("7") @Positive int seasonality,
                           @DefaultValue("56") @Positive int minTrainingDays,
                           @DefaultValue("30") @Positive int maxProducts,
                           @DefaultValue("0.8") @DecimalMin(value = "0", inclusive = false)
                           @DecimalMax(value = "1", inclusive = false) double intervalWidth) {

        public BacktestPlan plan() {
            return new BacktestPlan(holdoutDays, step, longOrigins, longStep, seasonality, minTrainingDays);
        }
    }
}
