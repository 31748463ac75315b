package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockcast.model.master.MasterDataset;

/** The bundled data/master.csv is usable out of the box and is exactly what DefaultDatasetGenerator produces. */
class DefaultDatasetTest {

    @Test
    void bundledMasterLoadsWithEightProductsOverMoreThanTwoYears() throws IOException {
        Path file = TestData.bundledMaster();
        SalesTable table = new MasterDataset(file.getParent()).load();

        assertThat(Files.size(file)).isLessThanOrEqualTo(400 * 1024);
        assertThat(table.size()).isEqualTo(8 * DefaultDatasetGenerator.WINDOW_DAYS);
        assertThat(table.productIds()).containsExactly("M01AB", "M01AE", "N02BA", "N02BE", "N05B", "N05C", "R03",
                "R06");
        assertThat(table.categories()).containsExactly("Analgesic", "Anti-inflammatory", "Psycholeptic",
                "Respiratory");
        assertThat(table.regions()).containsExactly("East", "North", "South", "West");
        assertThat(table.firstDate()).contains(LocalDate.of(2023, 5, 10));
        assertThat(table.lastDate()).contains(LocalDate.of(2025, 8, 26));
        for (String product : table.productIds()) {
            DailySeries series = table.dailySeries(SalesFilter.product(product)).orElseThrow();
            assertThat(series.length()).as(product).isEqualTo(DefaultDatasetGenerator.WINDOW_DAYS)
                    .isGreaterThanOrEqualTo(730);
        }
        for (int i = 0; i < table.size(); i++) {
            assertThat(table.price(i)).isPositive();
            assertThat(table.discount(i)).isBetween(0.0, 20.0);
            assertThat(table.rating(i)).isBetween(1.0, 5.0);
        }
        assertThat(table.extraColumns()).isEmpty();
    }

    @Test
    void salesAreThePharmaFileValuesUnchanged() throws IOException {
        SalesTable table = new MasterDataset(TestData.bundledMaster().getParent()).load();
        // Last line of pharma-salesdaily.csv: 10/8/2019,0.33,1.73,0.5,44.3,20,2,2,0,...
        DailySeries n02be = table.dailySeries(SalesFilter.product("N02BE")).orElseThrow();
        assertThat(n02be.values()[n02be.length() - 1]).isEqualTo(44.3);
        DailySeries analgesics = table.dailySeries(SalesFilter.category("Analgesic")).orElseThrow();
        assertThat(analgesics.values()[analgesics.length() - 1]).isEqualTo(0.5 + 44.3);
    }

    @Test
    void generatorReproducesTheBundledFileByteForByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesTableCsv.write(DefaultDatasetGenerator.generate(TestData.pharma()), out);

        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(TestData.bundledMaster()));
    }
}
