package org.stockcast.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ingest.CsvRejectedException.Reason;

class CsvIngestTest {

    private static SalesTable read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), IngestLimits.DEFAULTS);
    }

    private static SalesTable read(byte[] bytes, IngestLimits limits) throws IOException {
        return CsvIngest.read(new ByteArrayInputStream(bytes), "upload.csv", limits);
    }

    private static CsvRejectedException rejected(String text) {
        return rejected(text.getBytes(StandardCharsets.UTF_8), IngestLimits.DEFAULTS);
    }

    private static CsvRejectedException rejected(byte[] bytes, IngestLimits limits) {
        CsvRejectedException e = catchThrowableOfType(() -> read(bytes, limits), CsvRejectedException.class);
        assertThat(e).as("expected the upload to be rejected").isNotNull();
        assertThat(e.fileName()).isEqualTo("upload.csv");
        assertThat(e.getMessage()).contains("upload.csv");
        return e;
    }

    @Test
    void headerIsMatchedIgnoringCaseSpacesAndOrder() throws IOException {
        SalesTable table = read(" Sales ,REGION,Date,Product_ID,Rating\n5,North,2025-09-01,P1,4.5\n");

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.sales(0)).isEqualTo(5.0);
        assertThat(table.region(0)).isEqualTo("North");
        assertThat(table.date(0)).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(table.productId(0)).isEqualTo("P1");
        assertThat(table.rating(0)).isEqualTo(4.5);
        assertThat(table.extraColumns()).isEmpty();
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        byte[] body = "date,sales\n2025-09-01,3\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        SalesTable table = read(withBom, IngestLimits.DEFAULTS);

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.extraColumns()).as("BOM must not turn 'date' into an unknown column").isEmpty();
        assertThat(table.date(0)).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void usDatesAndIsoDatesBothParse() throws IOException {
        SalesTable table = read("date,sales\n9/1/2025,1\n12/31/2024,2\n01/02/2025,3\n2025-02-28,4\n");

        assertThat(table.date(0)).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(table.date(1)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(table.date(2)).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(table.date(3)).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void withoutProductColumnEveryRowIsTheTotalSeries() throws IOException {
        SalesTable table = read("date,sales,notes\n2025-09-01,1,x\n2025-09-02,2,\n");

        assertThat(table.productIds()).containsExactly(SalesTable.TOTAL_PRODUCT);
        assertThat(table.extraColumns()).containsExactly("notes");
        assertThat(table.extra("notes", 0)).isEqualTo("x");
        assertThat(table.extra("notes", 1)).isNull();
    }

    @Test
    void optionalColumnsMayBeEmptyAndQuotedFieldsMayHoldCommasAndLineBreaks() throws IOException {
        SalesTable table = read("date,sales,price,discount,rating,category,comment\n"
                + "2025-09-01,1.5,,,,,\"a, \"\"quoted\"\"\nnote\"\n"
                + "2025-09-02,2,10,5,4,Toys,plain\n");

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.price(0)).isNaN();
        assertThat(table.discount(0)).isNaN();
        assertThat(table.rating(0)).isNaN();
        assertThat(table.category(0)).isNull();
        assertThat(table.extra("comment", 0)).isEqualTo("a, \"quoted\"\nnote");
        assertThat(table.price(1)).isEqualTo(10.0);
        assertThat(table.category(1)).isEqualTo("Toys");
    }

    @Test
    void numbersParseExactlyLikeJava() throws IOException {
        String[] samples = {"0", "66.9", "2.85", "0.1", "14999", "78.6270921657231", "1e3", "-0", "+4.5",
            "123456789012345678901234567890", "0.000000000000000000000000001", "3.", ".5"};
        StringBuilder csv = new StringBuilder("date,sales\n");
        for (String sample : samples) {
            csv.append("2025-09-01,").append(sample.startsWith("-") ? "0" : sample).append('\n');
        }
        SalesTable table = read(csv.toString());

        for (int i = 0; i < samples.length; i++) {
            String expected = samples[i].startsWith("-") ? "0" : samples[i];
            assertThat(table.sales(i)).as(expected).isEqualTo(Double.parseDouble(expected));
        }
    }

    @Test
    void invalidCellsAreListedWithLineColumnValueAndReason() {
        CsvRejectedException e = rejected("date,product_id,sales,price,rating\n"
                + "2025-09-01,P1,5,1,4\n"
                + "2025-13-01,P1,-1,abc,4\n"
                + "2025-09-03,,NaN,1,\n"
                + "2025-09-04,P1,,1,Infinity\n");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_ROWS);
        assertThat(e.problems()).containsExactly(
                new RowProblem(3, "date", "2025-13-01", "date must be a date like 2025-09-01 or 9/1/2025"),
                new RowProblem(3, "sales", "-1", "sales must be a number >= 0"),
                new RowProblem(3, "price", "abc", "price must be a number >= 0 or empty"),
                new RowProblem(4, "product_id", "", "product_id must not be empty"),
                new RowProblem(4, "sales", "NaN", "sales must be a number >= 0"),
                new RowProblem(5, "rating", "Infinity", "rating must be a number >= 0 or empty"));
        assertThat(e.totalProblems()).isEqualTo(6);
        assertThat(e.getMessage()).contains("6 invalid values", "line 3, column 'date'", "2025-13-01");
    }

    @Test
    void emptyOrNaSalesIsAnExplicitMissingValueThatSurvivesAWriteAndReadBack() throws Exception {
        SalesTable table = read("date,product_id,sales\n"
                + "2025-09-01,P1,5\n"
                + "2025-09-02,P1,\n"
                + "2025-09-03,P1,NA\n"
                + "2025-09-04,P1,na\n"
                + "2025-09-05,P1,0\n");

        assertThat(table.size()).isEqualTo(5);
        assertThat(table.sales(0)).isEqualTo(5);
        assertThat(table.sales(1)).isNaN();
        assertThat(table.sales(2)).isNaN();
        assertThat(table.sales(3)).isNaN();
        assertThat(table.sales(4)).isZero();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.stockcast.model.dataset.SalesTableCsv.write(table, out);
        SalesTable back = read(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(back.sales(2)).isNaN();
        assertThat(back.sales(4)).isZero();
    }

    @Test
    void rowsWithTheWrongNumberOfFieldsAreInvalid() {
        CsvRejectedException e = rejected("date,sales,region\n2025-09-01,1\n2025-09-02,1,North,extra\n");

        assertThat(e.problems()).extracting(RowProblem::row).containsExactly(2L, 3L);
        assertThat(e.problems().get(0).reason()).isEqualTo("this line has 2 values but the header has 3 columns");
        assertThat(e.problems().get(0).column()).isNull();
    }

    @Test
    void problemsAreCappedButAllCountedAndLineNumbersSurviveMultiLineFields() {
        StringBuilder csv = new StringBuilder("date,sales,comment\n");
        csv.append("2025-09-01,1,\"three\nline\ncomment\"\n"); // lines 2-4
        for (int i = 0; i < 30; i++) {
            csv.append("2025-09-02,-").append(i + 1).append(",x\n"); // lines 5..34
        }
        CsvRejectedException e = rejected(csv.toString());

        assertThat(e.problems()).hasSize(20);
        assertThat(e.totalProblems()).isEqualTo(30);
        assertThat(e.problems().get(0)).isEqualTo(new RowProblem(5, "sales", "-1", "sales must be a number >= 0"));
        assertThat(e.problems().get(19).row()).isEqualTo(24);
        assertThat(e.getMessage()).contains("30 invalid values (the first 20 are listed)");
    }

    @Test
    void problemCapFollowsTheLimits() {
        StringBuilder csv = new StringBuilder("date,sales\n");
        for (int i = 0; i < 10; i++) {
            csv.append("bad,1\n");
        }
        CsvRejectedException e = rejected(csv.toString().getBytes(StandardCharsets.UTF_8),
                new IngestLimits(1 << 20, 10, 100, 3));

        assertThat(e.problems()).extracting(RowProblem::row).containsExactly(2L, 3L, 4L);
        assertThat(e.totalProblems()).isEqualTo(10);
    }

    @Test
    void blankLinesAreSkippedButCountedInLineNumbers() {
        CsvRejectedException e = rejected("date,sales\n\n2025-09-01,1\n\n2025-09-02,x\n\n");

        assertThat(e.problems()).containsExactly(new RowProblem(5, "sales", "x", "sales must be a number >= 0"));
    }

    @Test
    void anUnclosedQuoteIsReported() {
        CsvRejectedException e = rejected("date,sales,comment\n2025-09-01,1,ok\n2025-09-02,2,\"never closed\n"
                + "2025-09-03,3,x\n2025-09-04,4,y\n");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_ROWS);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).reason()).contains("never closed");
        assertThat(e.problems().get(0).row()).isEqualTo(3);
    }

    @Test
    void anUnclosedQuoteInTheOnlyRowOrInTheHeader() {
        CsvRejectedException onlyRow = rejected("date,sales\n\"2025-09-01,1\n");
        assertThat(onlyRow.reason()).isEqualTo(Reason.INVALID_ROWS);
        assertThat(onlyRow.problems()).extracting(RowProblem::row).containsExactly(2L);

        CsvRejectedException header = rejected("\"date,sales\n2025-09-01,1\n");
        assertThat(header.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(header.getMessage()).contains("never closed");
    }

    @Test
    void emptyFileAndHeaderOnlyFile() {
        assertThat(rejected("").reason()).isEqualTo(Reason.EMPTY);
        assertThat(rejected("\n\n").reason()).isEqualTo(Reason.EMPTY);
        CsvRejectedException headerOnly = rejected("date,sales\n");
        assertThat(headerOnly.reason()).isEqualTo(Reason.NO_DATA_ROWS);
        assertThat(headerOnly.getMessage()).contains("no data rows");
    }

    @Test
    void badHeaders() {
        CsvRejectedException duplicate = rejected("date,sales,Sales\n2025-09-01,1,2\n");
        assertThat(duplicate.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(duplicate.getMessage()).contains("'Sales' twice");

        CsvRejectedException unnamed = rejected("date,sales,\n2025-09-01,1,2\n");
        assertThat(unnamed.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(unnamed.getMessage()).contains("column 3", "no name");

        CsvRejectedException noSales = rejected("date,qty\n2025-09-01,1\n");
        assertThat(noSales.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(noSales.getMessage()).contains("no 'sales' column", "found: date, qty")
                .doesNotContain("no 'date' column");
    }

    @Test
    void columnAndFieldLimits() {
        IngestLimits limits = new IngestLimits(1 << 20, 3, 10, 20);

        CsvRejectedException tooWide = rejected("date,sales,a,b\n2025-09-01,1,2,3\n"
                .getBytes(StandardCharsets.UTF_8), limits);
        assertThat(tooWide.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(tooWide.getMessage()).contains("4 columns", "at most 3");

        CsvRejectedException longField = rejected("date,sales,a\n2025-09-01,1,12345678901\n"
                .getBytes(StandardCharsets.UTF_8), limits);
        assertThat(longField.reason()).isEqualTo(Reason.INVALID_ROWS);
        assertThat(longField.problems()).containsExactly(
                new RowProblem(2, "a", "12345678901", "the value is longer than 10 characters"));
    }

    @Test
    void streamLongerThanTheLimitIsTooLarge() {
        StringBuilder csv = new StringBuilder("date,sales\n");
        while (csv.length() < 10_000) {
            csv.append("2025-09-01,1\n");
        }
        CsvRejectedException e = rejected(csv.toString().getBytes(StandardCharsets.UTF_8),
                new IngestLimits(5_000, 10, 100, 20));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("5000 bytes");
    }

    @Test
    void sizeLimitIsCheckedOnTheStreamNotTrustedFromAHeader() {
        // An endless stream must stop at the limit instead of being read to the end.
        InputStream endless = new InputStream() {
            private final byte[] row = "2025-09-01,1\n".getBytes(StandardCharsets.US_ASCII);
            private long position = -"date,sales\n".length();

            @Override
            public int read() {
                long p = position++;
                return p < 0 ? "date,sales\n".charAt((int) (p + 11)) : row[(int) (p % row.length)];
            }
        };
        CsvRejectedException e = catchThrowableOfType(() -> CsvIngest.read(endless, "endless.csv",
                new IngestLimits(100_000, 10, 100, 20)), CsvRejectedException.class);

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void binaryAndNonUtf8FilesAreNotCsv() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00};
        CsvRejectedException binary = rejected(zip, IngestLimits.DEFAULTS);
        assertThat(binary.reason()).isEqualTo(Reason.NOT_CSV);
        assertThat(binary.getMessage()).contains("not a text CSV file");

        byte[] utf16 = "date,sales\n2025-09-01,1\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(rejected(utf16, IngestLimits.DEFAULTS).reason()).isEqualTo(Reason.NOT_CSV);

        byte[] latin1 = "date,sales,region\n2025-09-01,1,Köln\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvRejectedException notUtf8 = rejected(latin1, IngestLimits.DEFAULTS);
        assertThat(notUtf8.reason()).isEqualTo(Reason.NOT_CSV);
        assertThat(notUtf8.getMessage()).contains("not UTF-8");
    }

    @Test
    void utf8TextIsKept() throws IOException {
        SalesTable table = read("date,sales,region,Bemerkung\n2025-09-01,1,Köln,naïve ☕\n");

        assertThat(table.region(0)).isEqualTo("Köln");
        assertThat(table.extra("Bemerkung", 0)).isEqualTo("naïve ☕");
    }

    @Test
    void windowsLineEndingsAreAccepted() throws IOException {
        SalesTable table = read("date,sales,comment\r\n2025-09-01,1,\"two\r\nlines\"\r\n2025-09-02,2,x\r\n");

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.sales(1)).isEqualTo(2.0);
        assertThat(table.extra("comment", 1)).isEqualTo("x");
        assertThat(table.extra("comment", 0)).contains("two").contains("lines");
    }

    @Test
    void semicolonSeparatedFilesGetAHint() {
        CsvRejectedException e = rejected("date;sales\n2025-09-01;1\n");

        assertThat(e.reason()).isEqualTo(Reason.BAD_HEADER);
        assertThat(e.getMessage()).contains("found: date;sales", "seems to use ';'");
    }
}
