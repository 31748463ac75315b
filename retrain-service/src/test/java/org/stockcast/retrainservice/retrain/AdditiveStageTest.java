package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModelJson;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.retrainservice.support.SeedData;

class AdditiveStageTest {
    private static final AdditiveConfig CONFIG = AdditiveConfig.defaults().withInterval(0.8, 50);

    private static SalesTable table(String csv) throws IOException {
        return CsvIngest.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv",
                IngestLimits.DEFAULTS);
    }

    private static String json(Map<String, FittedAdditiveModel> models) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdditiveModelJson.write(models, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parallelFitsAreTheSameModelsInTheSameOrderEveryRun() throws IOException {
        SalesTable master = table(SeedData.masterCsv());
        Messages first = new Messages();
        Messages second = new Messages();

        AdditiveStage.Fits a = AdditiveStage.fitAll(master, CONFIG, SeriesRules.DEFAULT,
                AdditiveStage.Previous.NONE, first);
        AdditiveStage.Fits b = AdditiveStage.fitAll(master, CONFIG, SeriesRules.DEFAULT,
                AdditiveStage.Previous.NONE, second);

        assertThat(a.models().keySet()).containsExactlyElementsOf(AdditiveStage.seriesToFit(master).keySet());
        assertThat(json(a.models())).isEqualTo(json(b.models()));
        assertThat(first.lines()).isEqualTo(second.lines());
        assertThat(a.fitKeys()).isEqualTo(b.fitKeys()).containsOnlyKeys(a.models().keySet());
        assertThat(a.reused()).isZero();
    }

    @Test
    void onlySeriesWhoseHistoryChangedAreRefittedAndTheResultEqualsAFreshFit() throws IOException {
        SalesTable before = table(SeedData.masterCsv());
        // P021 already reports 2025-09-01; the others catch up: they, their categories and regions and the total
        // (which ends on the earliest last day) change, P021, Electronics and North do not
        SalesTable after = MasterDataset.merge(before, table("date,product_id,category,region,sales\n"
                + "2025-09-01,P022,HomeAppliance,South,281\n2025-09-01,P030,Groceries,East,151\n")).merged();
        AdditiveStage.Fits old = AdditiveStage.fitAll(before, CONFIG, SeriesRules.DEFAULT,
                AdditiveStage.Previous.NONE, new Messages());

        AdditiveStage.Fits incremental = AdditiveStage.fitAll(after, CONFIG, SeriesRules.DEFAULT,
                new AdditiveStage.Previous(old.models(), old.fitKeys()), new Messages());
        AdditiveStage.Fits fresh = AdditiveStage.fitAll(after, CONFIG, SeriesRules.DEFAULT,
                AdditiveStage.Previous.NONE, new Messages());

        List<String> changed = List.of(SeriesKey.TOTAL, SeriesKey.product("P022"), SeriesKey.product("P030"),
                SeriesKey.category("HomeAppliance"), SeriesKey.category("Groceries"), SeriesKey.region("South"),
                SeriesKey.region("East"));
        incremental.models().forEach((key, model) -> {
            if (changed.contains(key)) {
                assertThat(model).as(key).isNotSameAs(old.models().get(key));
                assertThat(model.lastDate()).as(key).isEqualTo(java.time.LocalDate.of(2025, 9, 1));
            } else {
                assertThat(model).as(key).isSameAs(old.models().get(key));
            }
        });
        assertThat(incremental.reused()).isEqualTo(incremental.models().size() - changed.size());
        assertThat(json(incremental.models())).isEqualTo(json(fresh.models()));
        assertThat(incremental.fitKeys()).isEqualTo(fresh.fitKeys());
    }

    @Test
    void otherFitSettingsRefitEverySeries() throws IOException {
        SalesTable master = table(SeedData.masterCsv());
        AdditiveStage.Fits old = AdditiveStage.fitAll(master, CONFIG, SeriesRules.DEFAULT,
                AdditiveStage.Previous.NONE, new Messages());

        AdditiveStage.Fits other = AdditiveStage.fitAll(master, CONFIG.withSeed(7), SeriesRules.DEFAULT,
                new AdditiveStage.Previous(old.models(), old.fitKeys()), new Messages());

        assertThat(other.reused()).isZero();
        other.models().forEach((key, model) -> assertThat(model).as(key).isNotSameAs(old.models().get(key)));
    }
}
