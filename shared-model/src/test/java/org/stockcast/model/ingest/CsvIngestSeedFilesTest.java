package org.stockcast.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;

/** Every shared sample upload ingests; the wide pharma file is rejected with a message saying why. */
class CsvIngestSeedFilesTest {

    @Test
    void largeDatasetKeepsAllTwelveColumns() throws Exception {
        Path file = TestData.seed("large_dataset.csv");
        long dataLines = Files.lines(file).count() - 1;

        SalesTable table = TestData.ingest(file);

        assertThat(table.size()).isEqualTo(dataLines).isEqualTo(20_106);
        assertThat(table.extraColumns()).containsExactly("views", "clicks", "ProductID", "profit");
        assertThat(table.date(0)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(table.productId(0)).isEqualTo("P017");
        assertThat(table.sales(0)).isEqualTo(54.0);
        assertThat(table.category(0)).isEqualTo("A");
        assertThat(table.region(0)).isEqualTo("South");
        assertThat(table.price(0)).isEqualTo(66.9);
        assertThat(table.discount(0)).isEqualTo(2.85);
        assertThat(table.rating(0)).isEqualTo(4.0);
        assertThat(table.extra("views", 0)).isEqualTo("3046.0");
        assertThat(table.extra("ProductID", 0)).as("empty extra value").isNull();
        assertThat(table.extra("profit", 0)).isNull();
        assertThat(table.productIds()).contains("P017", "P023", "P024");
        assertThat(table.dailySeries(SalesFilter.ALL)).isPresent();
    }

    @Test
    void smallDatasetWithFutureDatesAndDuplicateKeysIngests() {
        SalesTable table = TestData.ingest(TestData.seed("small_dataset_cleaned.csv"));

        assertThat(table.size()).isEqualTo(100);
        assertThat(table.extraColumns()).containsExactly("views", "clicks", "ProductID");
        assertThat(table.firstDate()).contains(LocalDate.of(2025, 3, 19));
        assertThat(table.lastDate()).contains(LocalDate.of(2077, 5, 2));
        assertThat(table.dailySeries(SalesFilter.ALL).orElseThrow().length()).as("52 years, one pass")
                .isEqualTo((int) (LocalDate.of(2077, 5, 2).toEpochDay() - LocalDate.of(2025, 3, 19).toEpochDay() + 1));
        assertThat(table.sales(0)).isEqualTo(78.6270921657231);
    }

    @Test
    void columnsInAnotherOrderAreMatchedByName() {
        // date,product_id,sales,price,discount,profit,region,category,rating
        SalesTable table = TestData.ingest(TestData.seed("sample_dataset_P023_P024_fixed.csv"));

        assertThat(table.size()).isEqualTo(100);
        assertThat(table.extraColumns()).containsExactly("profit");
        assertThat(table.date(0)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(table.productId(0)).isEqualTo("P023");
        assertThat(table.sales(0)).isEqualTo(152.0);
        assertThat(table.price(0)).isEqualTo(816.89);
        assertThat(table.discount(0)).isEqualTo(0.05);
        assertThat(table.region(0)).isEqualTo("North");
        assertThat(table.category(0)).isEqualTo("Groceries");
        assertThat(table.rating(0)).isEqualTo(3.9);
        assertThat(table.extra("profit", 0)).isEqualTo("4118.76");
    }

    @Test
    void salesInTheLastColumnAndAnExtraColumn() {
        // date,product_id,category,region,price,discount,rating,sales,profit
        SalesTable table = TestData.ingest(TestData.seed("sample_dataset_P021_P022.csv"));

        assertThat(table.size()).isEqualTo(6);
        assertThat(table.productIds()).containsExactly("P021", "P022");
        assertThat(table.sales(0)).isEqualTo(320.0);
        assertThat(table.price(0)).isEqualTo(14999.0);
        assertThat(table.rating(5)).isEqualTo(4.4);
        assertThat(table.extra("profit", 5)).isEqualTo("105000");
        assertThat(table.dailySeries(SalesFilter.product("P022")).orElseThrow().values())
                .containsExactly(280.0, 300.0, 350.0);
    }

    @Test
    void testUploadWithSalesSecond() {
        // date,sales,product_id,category,region,rating,price,discount
        SalesTable table = TestData.ingest(TestData.seed("test_upload.csv"));

        assertThat(table.size()).isEqualTo(10);
        assertThat(table.extraColumns()).isEmpty();
        assertThat(table.sales(9)).isEqualTo(68.0);
        assertThat(table.productId(9)).isEqualTo("P002");
        assertThat(table.rating(9)).isEqualTo(4.3);
        assertThat(table.price(9)).isEqualTo(139.99);
        assertThat(table.discount(9)).isEqualTo(10.0);
    }

    @Test
    void everySeedFileIngests() {
        assertThat(TestData.seedFiles()).hasSize(5);
        for (Path file : TestData.seedFiles()) {
            SalesTable table = TestData.ingest(file);
            assertThat(table.size()).as(file.getFileName().toString()).isPositive();
            assertThat(table.dailySeries(SalesFilter.ALL)).as(file.getFileName().toString()).isPresent();
        }
    }

    @Test
    void widePharmaFileIsRejectedWithTheColumnsFound() throws Exception {
        Path file = TestData.pharma();
        CsvRejectedException e;
        try (InputStream in = Files.newInputStream(file)) {
            e = catchThrowableOfType(() -> CsvIngest.read(in, "pharma-salesdaily.csv", IngestLimits.DEFAULTS),
                    CsvRejectedException.class);
        }

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(CsvRejectedException.Reason.BAD_HEADER);
        assertThat(e.fileName()).isEqualTo("pharma-salesdaily.csv");
        assertThat(e.getMessage())
                .contains("'pharma-salesdaily.csv'")
                .contains("no 'date' column")
                .contains("no 'sales' column")
                .contains("found: datum, M01AB, M01AE, N02BA, N02BE, N05B, N05C, R03, R06, Year, Month, Hour, Weekday Name");
        assertThat(e.problems()).isEmpty();
    }
}
