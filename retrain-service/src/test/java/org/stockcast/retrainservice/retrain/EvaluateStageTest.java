package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ensemble.HorizonWeights;
import org.stockcast.model.ensemble.Member;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.lstm.EpochProgress;
import org.stockcast.retrainservice.InventoryProperties;

class EvaluateStageTest {
    private static final RetrainProgress SILENT = new RetrainProgress() {
        @Override
        public void stage(Stage stage, String message) {
        }

        @Override
        public void epoch(EpochProgress progress) {
        }
    };

    @Test
    void fixedModeServesTheOldSplitOrTheAdditiveModelAloneWithoutAScoredLstm() {
        HorizonWeights scored = EvaluateStage.fixedWeights(true);
        assertThat(scored.weight(Member.ADDITIVE, 0)).isEqualTo(0.6);
        assertThat(scored.weight(Member.LSTM, 300)).isEqualTo(0.4);
        assertThat(EvaluateStage.fixedWeights(false).weight(Member.LSTM, 0)).isZero();
    }

    @Test
    void manyProductsAreSampledEvenlyButEveryAggregateIsBacktested() throws Exception {
        SalesTable table = table(100, 40);
        Map<String, ?> keys = EvaluateStage.backtestedSeries(table, 10);
        assertThat(keys).containsKeys("total", "category:C0", "category:C1", "region:R0");
        assertThat(keys.keySet().stream().filter(k -> k.startsWith("product:")).count()).isEqualTo(10);
        assertThat(EvaluateStage.backtestedSeries(table(5, 40), 10).keySet()
                .stream().filter(k -> k.startsWith("product:")).count()).isEqualTo(5);
    }

    @Test
    void withoutAScoredLstmTheCalibrationGivesItNoWeight() throws Exception {
        SalesTable table = table(3, 200);
        InventoryProperties.Evaluate settings = TestProperties.tiny(Path.of("d"), Path.of("m"), Map.of()).evaluate();
        EvaluateStage.Outcome outcome = EvaluateStage.evaluate(table, Optional.empty(), Optional.empty(),
                AdditiveConfig.defaults(), settings, EnsembleWeights.Mode.AUTO, SILENT);
        assertThat(outcome.calibration()).isPresent();
        HorizonWeights total = outcome.calibration().get().series().get("total").weights();
        for (HorizonBucket bucket : HorizonBucket.values()) {
            assertThat(total.buckets().get(bucket)).doesNotContainKey(Member.LSTM);
        }
        assertThat(outcome.report()).containsEntry("lstm_scored", false).containsKey("by_kind");
    }

    @Test
    void tooShortForAnyOriginServesTheAdditiveModelAndSaysWhy() throws Exception {
        SalesTable table = table(2, 20);
        InventoryProperties.Evaluate settings = TestProperties.tiny(Path.of("d"), Path.of("m"), Map.of()).evaluate();
        EvaluateStage.Outcome outcome = EvaluateStage.evaluate(table, Optional.empty(), Optional.empty(),
                AdditiveConfig.defaults(), settings, EnsembleWeights.Mode.AUTO, SILENT);
        assertThat(outcome.calibration()).isEmpty();
        assertThat(outcome.report()).containsKey("skipped");
    }

    /** {@code products} products over {@code days} days, two categories, two regions, a weekly pattern. */
    private static SalesTable table(int products, int days) throws Exception {
        StringBuilder csv = new StringBuilder("date,product_id,sales,category,region\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++) {
            for (int p = 0; p < products; p++) {
                double sales = 10 + p + 3 * Math.sin(2 * Math.PI * d / 7) + (d * 31 + p * 17) % 5;
                csv.append(start.plusDays(d)).append(",P").append(p).append(',').append(sales)
                        .append(",C").append(p % 2).append(",R").append(p % 2).append('\n');
            }
        }
        return CsvIngest.read(new java.io.ByteArrayInputStream(csv.toString().getBytes()), "test.csv",
                IngestLimits.DEFAULTS);
    }
}
