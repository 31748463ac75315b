package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;

/** New products, all-zero and all-missing series in the served ensemble, and aggregates over uneven members. */
class SparseHistoryTest {
    static final LocalDate END = LocalDate.of(2025, 9, 30);
    static EnsembleModel model;

    @BeforeAll
    static void build() {
        StringBuilder csv = new StringBuilder(TestVersions.syntheticCsv(3, 120, END, 7));
        // a new product in category A, reported three days after everyone else's last day
        csv.append(END.plusDays(1)).append(",NEW,A,North,10,0,4,320\n");
        csv.append(END.plusDays(2)).append(",NEW,A,North,10,0,4,350\n");
        csv.append(END.plusDays(3)).append(",NEW,A,North,10,0,4,400\n");
        for (int d = 0; d < 60; d++) {
            csv.append(END.minusDays(d)).append(",ZERO,B,South,10,0,4,0\n");
            csv.append(END.minusDays(d)).append(",GONE,B,South,10,0,4,NA\n");
        }
        SalesTable table = TestVersions.table(csv.toString());
        model = TestVersions.build(table);
    }

    @Test
    void aNewProductGetsItsRecentLevelWithTheCategoryShapeAndNoTrend() {
        EnsembleForecast f = model.forecast(SalesFilter.product("NEW"), 30).orElseThrow();

        assertThat(f.start()).isEqualTo(END.plusDays(4));
        assertThat(Arrays.stream(f.forecast()).max().orElseThrow()).isLessThanOrEqualTo(1.5 * 400);
        assertThat(Arrays.stream(f.forecast()).min().orElseThrow()).isGreaterThan(0.5 * 320);
        assertThat(f.warnings()).singleElement().asString().contains("New series", "category A", "wider");
        // the shape of category A: not one flat value
        assertThat(Arrays.stream(f.forecast()).distinct().count()).isGreaterThan(1);
        for (int d = 0; d < 30; d++) {
            assertThat(f.upper()[d]).isGreaterThan(f.forecast()[d]);
        }
    }

    @Test
    void theTotalIsNotPulledByTheNewProductsNewerDays() {
        EnsembleForecast total = model.forecast(SalesFilter.ALL, 7).orElseThrow();

        assertThat(total.history().end()).isEqualTo(END);
        assertThat(total.start()).isEqualTo(END.plusDays(1));
        assertThat(total.warnings()).isEmpty();
    }

    @Test
    void allZeroAndAllMissingSeriesAreForecastAsZeroWithAWarning() {
        EnsembleForecast zero = model.forecast(SalesFilter.product("ZERO"), 14).orElseThrow();
        EnsembleForecast gone = model.forecast(SalesFilter.product("GONE"), 14).orElseThrow();

        assertThat(zero.forecast()).containsOnly(0.0);
        assertThat(zero.upper()).containsOnly(0.0);
        assertThat(zero.warnings()).singleElement().asString().contains("are zero");
        assertThat(gone.forecast()).containsOnly(0.0);
        assertThat(gone.warnings()).singleElement().asString().contains("are missing");
        assertThat(model.forecast(SalesFilter.product("GONE"), 3).orElseThrow().warnings())
                .isEqualTo(gone.warnings());
    }
}
