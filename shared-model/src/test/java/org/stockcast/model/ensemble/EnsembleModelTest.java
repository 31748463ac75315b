package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.forecaster.PointForecast;

class EnsembleModelTest {
    static final LocalDate END = LocalDate.of(2025, 9, 30);
    static SalesTable table;
    static EnsembleModel model;

    @BeforeAll
    static void build() {
        table = TestVersions.table(TestVersions.syntheticCsv(3, 120, END, 7));
        model = TestVersions.build(table);
    }

    @Test
    void precomputesTotalAndEveryProductCategoryAndRegion() {
        assertThat(model.additiveModels()).containsOnlyKeys("total", "product:P1", "product:P2", "product:P3",
                "category:A", "category:B", "region:North", "region:South");
    }

    @Test
    void productForecastContinuesItsHistoryWithOrderedBand() {
        EnsembleForecast f = model.forecast(SalesFilter.product("P2"), 30).orElseThrow();
        assertThat(f.days()).isEqualTo(30);
        assertThat(f.start()).isEqualTo(END.plusDays(1));
        assertThat(f.history().end()).isEqualTo(END);
        assertThat(f.history().values()).containsExactly(table.dailySeries(SalesFilter.product("P2")).orElseThrow()
                .values(), within(1e-9));
        double w = model.weights().additive() / (model.weights().additive() + model.weights().lstm());
        for (int i = 0; i < f.days(); i++) {
            assertThat(f.lower()[i]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(f.forecast()[i] + 1e-9);
            assertThat(f.upper()[i]).isGreaterThanOrEqualTo(f.forecast()[i] - 1e-9);
            assertThat(f.forecast()[i]).isCloseTo(w * f.additive()[i] + (1 - w) * f.lstm()[i], within(1e-6));
        }
        // P2's level is about 50 a day: the blend must be in that range, not the total's (about 100+).
        double mean = java.util.Arrays.stream(f.forecast()).average().orElseThrow();
        assertThat(mean).isBetween(20.0, 90.0);
    }

    @Test
    void additiveComponentIsThePrecomputedModel() {
        EnsembleForecast f = model.forecast(SalesFilter.category("A"), 14).orElseThrow();
        double[] expected = model.additiveModels().get("category:A").predict(EnsembleModel.MAX_DAYS).yhat();
        for (int i = 0; i < 14; i++) {
            assertThat(f.additive()[i]).isCloseTo(Math.max(0, expected[i]), within(1e-9));
        }
    }

    @Test
    void precomputedSeriesNeverNeedAFit() {
        assertThat(model.needsFit(SalesFilter.product("P1"))).isFalse();
        assertThat(model.needsFit(new SalesFilter(null, null, null, null, 123.45, null))).isTrue();
    }

    @Test
    void otherFiltersAreFittedOnDemandAndCached() {
        SalesFilter combo = new SalesFilter(null, "A", "North", null, null, null);
        assertThat(SeriesKey.of(combo)).isEmpty();
        assertThat(model.isCached(combo)).isFalse();
        assertThat(model.needsFit(combo)).isTrue();
        EnsembleForecast f = model.forecast(combo, 7).orElseThrow();
        assertThat(model.isCached(combo)).isTrue();
        assertThat(model.needsFit(combo)).isFalse();
        DailySeries history = table.dailySeries(combo).orElseThrow();
        double[] expected = AdditiveModel.fit(history, model.additiveConfig()).predict(EnsembleModel.MAX_DAYS).yhat();
        for (int i = 0; i < 7; i++) {
            assertThat(f.additive()[i]).isCloseTo(Math.max(0, expected[i]), within(1e-6));
        }
        assertThat(model.forecast(combo, 7).orElseThrow().forecast()).containsExactly(f.forecast(), within(0.0));
    }

    @Test
    void shorterHorizonIsAPrefixOfALongerOne() {
        EnsembleForecast week = model.forecast(SalesFilter.ALL, 7).orElseThrow();
        EnsembleForecast year = model.forecast(SalesFilter.ALL, 365).orElseThrow();
        assertThat(year.days()).isEqualTo(365);
        assertThat(year.head(7).forecast()).containsExactly(week.forecast(), within(1e-12));
        assertThat(year.head(7).upper()).containsExactly(week.upper(), within(1e-12));
    }

    @Test
    void aQuarterComputedFirstIsThePrefixOfTheYearComputedLater() {
        EnsembleModel calibrated = calibrated(model);
        for (SalesFilter filter : List.of(SalesFilter.ALL, SalesFilter.product("P2"), SalesFilter.region("North"))) {
            EnsembleModel fresh = new EnsembleModel(calibrated.dataset(), calibrated.additiveModels(),
                    calibrated.lstm(), calibrated.weights(), calibrated.additiveConfig(), calibrated.calibration(),
                    calibrated.seriesRules());
            EnsembleForecast quarter = fresh.forecast(filter, EnsembleModel.SHORT_DAYS).orElseThrow();
            assertThat(fresh.isCached(filter)).isTrue();
            EnsembleForecast year = fresh.forecast(filter, EnsembleModel.MAX_DAYS).orElseThrow();
            assertThat(year.days()).isEqualTo(EnsembleModel.MAX_DAYS);
            EnsembleForecast head = year.head(EnsembleModel.SHORT_DAYS);
            assertThat(head.forecast()).containsExactly(quarter.forecast(), within(1e-12));
            assertThat(head.lower()).containsExactly(quarter.lower(), within(1e-12));
            assertThat(head.upper()).containsExactly(quarter.upper(), within(1e-12));
            assertThat(head.additive()).containsExactly(quarter.additive(), within(1e-12));
            assertThat(head.lstm()).containsExactly(quarter.lstm(), within(1e-12));
            assertThat(head.seasonalNaive()).containsExactly(quarter.seasonalNaive(), within(1e-12));
            assertThat(head.errorPaths().sum(0, 12)).isCloseTo(quarter.errorPaths().sum(0, 12), within(1e-12));
            // once the year is computed, shorter requests are its prefix
            assertThat(fresh.forecast(filter, 30).orElseThrow().forecast())
                    .containsExactly(year.head(30).forecast(), within(0.0));
        }
    }

    /** The model with weights, bands and error paths learned from a short backtest of its total. */
    private static EnsembleModel calibrated(EnsembleModel model) {
        Map<Member, Forecaster> members = new EnumMap<>(Member.class);
        members.put(Member.ADDITIVE, AdditiveModel.forecaster(TestVersions.fastAdditive().withInterval(0.8, 0)));
        members.put(Member.LSTM, (history, horizon) -> PointForecast.of(model.lstm().forecast(history.values(),
                horizon)));
        members.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(7));
        SeriesBacktest backtest = EnsembleBacktest.run(SeriesKey.TOTAL,
                model.dataset().dailySeries(SalesFilter.ALL).orElseThrow(), new BacktestPlan(28, 7, 0, 91, 7, 28),
                members, 0);
        EnsembleCalibration calibration = EnsembleCalibration.learn(List.of(backtest), 0.8, Optional.empty())
                .orElseThrow();
        return new EnsembleModel(model.dataset(), model.additiveModels(), model.lstm(), model.weights(),
                model.additiveConfig(), Optional.of(calibration), model.seriesRules());
    }

    @Test
    void noMatchingRowsIsEmpty() {
        assertThat(model.forecast(SalesFilter.product("nope"), 7)).isEmpty();
        assertThat(model.forecast(new SalesFilter(null, null, null, 99.0, null, null), 7)).isEmpty();
    }

    @Test
    void rejectsImpossibleHorizons() {
        assertThatThrownBy(() -> model.forecast(SalesFilter.ALL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.forecast(SalesFilter.ALL, 366)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRequestsForOneNewFilterAgree() throws Exception {
        SalesFilter filter = new SalesFilter(null, null, "South", null, 100.0, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EnsembleForecast>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> model.forecast(filter, 10).orElseThrow()));
            }
            double[] first = futures.get(0).get().forecast();
            for (Future<EnsembleForecast> future : futures) {
                assertThat(future.get().forecast()).containsExactly(first, within(0.0));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
