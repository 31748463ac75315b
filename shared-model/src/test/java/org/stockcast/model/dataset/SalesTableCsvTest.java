package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;

class SalesTableCsvTest {

    private static String write(SalesTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesTableCsv.write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SalesTable readBack(String csv) throws IOException {
        return CsvIngest.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "written.csv",
                IngestLimits.DEFAULTS);
    }

    @Test
    void writesTheUploadFormatWithKnownColumnsFirst() throws IOException {
        SalesTable table = SalesTable.builder()
                .add(LocalDate.of(2025, 9, 1), "P021", 320, "Electronics", "North", 14999, 10, 4.5)
                .extra("profit", "120000")
                .add(LocalDate.of(2025, 9, 2), "P022", 0.25, null, null, Double.NaN, Double.NaN, Double.NaN)
                .build();

        assertThat(write(table)).isEqualTo("""
                date,product_id,sales,category,region,price,discount,rating,profit
                2025-09-01,P021,320,Electronics,North,14999,10,4.5,120000
                2025-09-02,P022,0.25,,,,,,
                """);
    }

    @Test
    void awkwardTextAndNumbersRoundTrip() throws IOException {
        SalesTable table = SalesTable.builder()
                .add(LocalDate.of(2025, 9, 1), "P,1", 1e-7, "say \"hi\"", "line\nbreak", 1e20, 0.1 + 0.2, 4.0)
                .extra("note, with comma", " padded ")
                .extra("ümlaut", "☕")
                .build();

        SalesTable back = readBack(write(table));

        assertThat(back.productId(0)).isEqualTo("P,1");
        assertThat(back.sales(0)).isEqualTo(1e-7);
        assertThat(back.category(0)).isEqualTo("say \"hi\"");
        assertThat(back.region(0)).isEqualTo("line\nbreak");
        assertThat(back.price(0)).isEqualTo(1e20);
        assertThat(back.discount(0)).isEqualTo(0.1 + 0.2);
        assertThat(back.extraColumns()).containsExactly("note, with comma", "ümlaut");
        assertThat(back.extra("note, with comma", 0)).isEqualTo(" padded ");
        assertThat(back.extra("ümlaut", 0)).isEqualTo("☕");
    }

    @Test
    void everySeedFileRoundTripsThroughTheWriter() throws IOException {
        for (String name : new String[] {"large_dataset.csv", "small_dataset_cleaned.csv",
            "sample_dataset_P021_P022.csv", "sample_dataset_P023_P024_fixed.csv", "test_upload.csv"}) {
            SalesTable table = TestData.ingest(TestData.seed(name));
            String written = write(table);
            SalesTable back = readBack(written);

            assertThat(back.size()).as(name).isEqualTo(table.size());
            assertThat(write(back)).as(name + " is stable after one round trip").isEqualTo(written);
            assertThat(back.dailySeries(SalesFilter.ALL).orElseThrow().values()).as(name)
                    .containsExactly(table.dailySeries(SalesFilter.ALL).orElseThrow().values());
        }
    }
}
