package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad upload gets its documented status (docs/api.md: 400/413/415; CsvRejectedException: content that is
 * not UTF-8 CSV text is 415, too large 413, everything else 400) as problem+json naming the file, row and column
 * where there is one, and changes nothing: the data dir and the model store (listing and every file's
 * SHA-256, manifests included) are byte-identical after each case, and nothing is written outside them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(GoldenStore.Extension.class)
class BadUploadIT {
    private static final Logger log = LoggerFactory.getLogger(BadUploadIT.class);
    static final String HEADER = "date,product_id,category,region,price,discount,rating,sales";

    private Path root;
    private Stack stack;
    private ServiceProcess retrain;
    private final Http http = new Http();
    private final List<String> table = new ArrayList<>();

    /** One bad input: how to send it, the status docs/api.md gives it, and the row/column the problem must name. */
    record Case(String name, Sender sender, int status, Integer row, String column) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Sender {
        HttpRequest request(URI retrainUri, Path scratch) throws IOException;
    }

    @BeforeAll
    void start(GoldenStore golden, @TempDir Path root) throws Exception {
        this.root = root;
        stack = new Stack(BadUploadIT.class, root.resolve("stack"));
        golden.copyInto(stack);
        retrain = stack.startRetrain();
        retrain.awaitUp(Stack.START_TIMEOUT);
        table.add("| # | bad input | expected | got | problem (title: detail, first problem) | dataset+store unchanged |");
        table.add("|---|---|---|---|---|---|");
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        Path out = SystemTestEnv.workDir().resolve("bad-inputs.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
        log.info("bad-input table written to {}", out);
    }

    static String row(LocalDate date, String product, String sales) {
        return date + "," + product + ",Electronics,North,10.5,5,4.2," + sales;
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A valid header, two valid rows and then {@code bad} as the data row on line 4. */
    static byte[] badThirdRow(String bad) {
        LocalDate d = LocalDate.of(2025, 10, 1);
        return csv(HEADER, row(d, "B1", "5"), row(d.plusDays(1), "B1", "6"), bad);
    }

    static Case file(String name, int status, byte[] content) {
        return new Case(name, (uri, scratch) -> Multipart.csv(uri, name + ".csv", content).build(), status, null, null);
    }

    static Case rowProblem(String name, byte[] content, int row, String column) {
        return new Case(name, (uri, scratch) -> Multipart.csv(uri, name + ".csv", content).build(), 400, row, column);
    }

    static Stream<Case> cases() throws IOException {
        LocalDate d = LocalDate.of(2025, 10, 3);
        List<Case> cases = new ArrayList<>();
        cases.add(file("empty-file", 400, new byte[0]));
        cases.add(file("header-only", 400, csv(HEADER)));
        cases.add(file("header-only-with-bom", 400, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv(HEADER))));
        cases.add(file("blank-lines-only", 400, "\n\n\n\n".getBytes(StandardCharsets.UTF_8)));
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        cases.add(file("binary-random-bytes", 415, random));
        cases.add(file("png-image", 415, concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, random)));
        cases.add(file("gzip-compressed-csv", 415, gzip(csv(HEADER, row(d, "B1", "5")))));
        cases.add(file("semicolon-delimiter", 400, csv(HEADER.replace(',', ';'), row(d, "B1", "5").replace(',', ';'))));
        cases.add(file("tab-delimiter", 400, csv(HEADER.replace(',', '\t'), row(d, "B1", "5").replace(',', '\t'))));
        cases.add(file("missing-date-column", 400, csv("product_id,sales", "B1,5")));
        cases.add(file("missing-sales-column", 400, csv("date,product_id", "2025-10-03,B1")));
        cases.add(file("duplicate-header", 400, csv("date,product_id,sales,sales", "2025-10-03,B1,5,6")));
        cases.add(file("duplicate-header-differing-case", 400, csv("date,product_id,Sales,sales", "2025-10-03,B1,5,6")));
        cases.add(rowProblem("unparsable-date", badThirdRow(row(d, "B1", "7").replace(d.toString(), "2025-13-45")), 4, "date"));
        cases.add(rowProblem("text-date", badThirdRow(row(d, "B1", "7").replace(d.toString(), "yesterday")), 4, "date"));
        cases.add(rowProblem("dotted-date-format", badThirdRow(row(d, "B1", "7").replace(d.toString(), "03.10.2025")), 4, "date"));
        cases.add(rowProblem("five-digit-year", badThirdRow(row(d, "B1", "7").replace(d.toString(), "20250-10-03")), 4, "date"));
        cases.add(rowProblem("empty-date", badThirdRow(row(d, "B1", "7").replace(d.toString(), "")), 4, "date"));
        cases.add(rowProblem("unparsable-sales", badThirdRow(row(d, "B1", "abc")), 4, "sales"));
        cases.add(rowProblem("decimal-comma-sales", badThirdRow(row(d, "B1", "\"12,5\"")), 4, "sales"));
        cases.add(rowProblem("negative-sales", badThirdRow(row(d, "B1", "-5")), 4, "sales"));
        cases.add(rowProblem("nan-sales", badThirdRow(row(d, "B1", "NaN")), 4, "sales"));
        cases.add(rowProblem("infinity-sales", badThirdRow(row(d, "B1", "Infinity")), 4, "sales"));
        cases.add(rowProblem("minus-infinity-sales", badThirdRow(row(d, "B1", "-Infinity")), 4, "sales"));
        cases.add(rowProblem("overflowing-sales-1e400", badThirdRow(row(d, "B1", "1e400")), 4, "sales"));
        // an empty sales cell is a missing value since issue 10 (accepted: RealDataEndToEndTest), not a bad row
        cases.add(rowProblem("unparsable-price", badThirdRow(row(d, "B1", "7").replace("10.5", "cheap")), 4, "price"));
        cases.add(rowProblem("empty-product-id", badThirdRow(row(d, "", "7")), 4, "product_id"));
        cases.add(file("ragged-row-extra-field", 400, badThirdRow(row(d, "B1", "7") + ",surplus")));
        cases.add(file("ragged-row-missing-fields", 400, badThirdRow(d + ",B1,Electronics")));
        cases.add(file("unterminated-quote", 400, badThirdRow(d + ",B1,\"Electronics,North,10.5,5,4.2,7")));
        cases.add(file("non-utf8-latin1-bytes", 415, concat(csv(HEADER, row(d, "B1", "5")),
                (d.plusDays(1) + ",B1,Caf\u00e9,North,10.5,5,4.2,6\n").getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(file("utf16-encoded", 415, concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                (HEADER + "\n" + row(d, "B1", "5") + "\n").getBytes(StandardCharsets.UTF_16LE))));
        cases.add(file("very-long-field-10001-chars", 400, csv(HEADER + ",note", row(d, "B1", "5") + "," + "x".repeat(10_001))));
        StringBuilder wide = new StringBuilder("date,sales");
        StringBuilder wideRow = new StringBuilder("2025-10-03,5");
        for (int i = 0; i < 1000; i++) {
            wide.append(",c").append(i);
            wideRow.append(",v");
        }
        cases.add(file("too-many-columns-1002", 400, csv(wide.toString(), wideRow.toString())));
        StringBuilder manyBad = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 30; i++) {
            manyBad.append(row(d.plusDays(i), "B1", "-" + (i + 1))).append('\n');
        }
        cases.add(new Case("30-invalid-rows-at-most-20-listed", (uri, s) -> Multipart.csv(uri, "many.csv",
                manyBad.toString().getBytes(StandardCharsets.UTF_8)).build(), 400, 2, "sales"));
        cases.add(new Case("file-over-50MB (60 MB of valid rows)", (uri, scratch) ->
                Multipart.csv(uri, "big.csv", sixtyMegabytes(scratch)).build(), 413, null, null));
        cases.add(new Case("wrong-content-type-text-csv-body", (uri, s) -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv(HEADER, row(d, "B1", "5")))).build(), 415, null, null));
        cases.add(new Case("wrong-content-type-json-body", (uri, s) -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"file\":\"date,sales\"}")).build(), 415, null, null));
        cases.add(new Case("missing-file-part (field named upload)", (uri, s) -> Multipart.filePart(uri, "upload",
                "x.csv", "text/csv", HttpRequest.BodyPublishers.ofByteArray(csv(HEADER, row(d, "B1", "5")))).build(),
                400, null, null));
        cases.add(new Case("path-traversal-file-name (invalid content)", (uri, s) -> Multipart.csv(uri,
                "../../etc/passwd", badThirdRow(row(d, "B1", "-1"))).build(), 400, 4, "sales"));
        cases.add(new Case("query-epochs-negative", (uri, s) -> Multipart.csv(URI.create(uri + "?epochs=-1"),
                "ok.csv", csv(HEADER, row(d, "B1", "5"))).build(), 400, null, null));
        cases.add(new Case("query-epochs-not-a-number", (uri, s) -> Multipart.csv(URI.create(uri + "?epochs=abc"),
                "ok.csv", csv(HEADER, row(d, "B1", "5"))).build(), 400, null, null));
        cases.add(new Case("query-fineTune-not-boolean", (uri, s) -> Multipart.csv(URI.create(uri + "?fineTune=maybe"),
                "ok.csv", csv(HEADER, row(d, "B1", "5"))).build(), 400, null, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    @Timeout(180)
    void badUploadIsRejectedAndChangesNothing(Case c) throws Exception {
        DirSnapshot rootBefore = DirSnapshot.of(root.resolve("stack"));
        String passwd = DirSnapshot.sha256(Path.of("/etc/passwd"));
        Path scratch = Files.createDirectories(root.resolve("scratch"));
        RetrainClient.Outcome outcome = new RetrainClient(http, retrain.baseUrl())
                .exchange(c.sender().request(new RetrainClient(http, retrain.baseUrl()).retrainUri(null), scratch), e -> { });
        String diff = rootBefore.diff(DirSnapshot.of(root.resolve("stack")));
        String summary = outcome.errorBody() == null ? outcome.toString() : summarise(outcome.problem());
        table.add(String.format(Locale.ROOT, "| %d | %s | %d | %d | %s | %s |", table.size() - 1, c.name(), c.status(),
                outcome.status(), summary.replace("|", "\\|").replace("\n", " "), diff.isEmpty() ? "yes" : "NO: " + diff));

        assertThat(outcome.status()).as("%s -> %s", c.name(), outcome).isEqualTo(c.status());
        assertThat(outcome.contentType()).as("%s content type", c.name()).startsWith("application/problem+json");
        JsonNode problem = outcome.problem();
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("detail").asString("") + problem.path("title").asString("")).isNotBlank();
        if (c.row() != null) {
            List<JsonNode> problems = rowProblems(problem);
            assertThat(problems).as("problems with row and column in %s", problem).isNotEmpty().hasSizeLessThanOrEqualTo(20);
            assertThat(problems).as("a problem naming row %d, column %s in %s", c.row(), c.column(), problem)
                    .anyMatch(p -> p.path("row").asInt() == c.row()
                            && p.path("column").asString("").equalsIgnoreCase(c.column()));
        }
        assertThat(diff).as("data dir and model store unchanged by %s", c.name()).isEmpty();
        assertThat(DirSnapshot.sha256(Path.of("/etc/passwd"))).isEqualTo(passwd);
        assertThat(retrain.alive()).isTrue();
    }

    @Test
    @Order(2)
    @Timeout(120)
    void serviceIsHealthyAfterwardsAndEveryVersionVerifies() throws Exception {
        assertThat(http.get(retrain.baseUrl() + "/actuator/health").status()).isEqualTo(200);
        assertThat(stack.assertEveryVersionVerifies()).isNotEmpty();
    }

    /**
     * Inputs that are valid by docs/api.md but easy to get wrong: BOM, CRLF, upper-case reordered headers, M/d/yyyy
     * dates, and a path-traversal multipart file name (a label only, never a path). Must be accepted.
     */
    @Test
    @Order(3)
    @Timeout(300)
    void validEdgeCasesAreAcceptedAndTraversalNameWritesNothingOutside() throws Exception {
        DirSnapshot outside = DirSnapshot.of(root.resolve("scratch"));
        String passwd = DirSnapshot.sha256(Path.of("/etc/passwd"));
        String content = "\uFEFFSALES,Product_ID,DATE,Region\r\n12,E1,10/5/2025,West\r\n13,E1,10/6/2025,West\r\n";
        RetrainClient.Outcome outcome = new RetrainClient(http, retrain.baseUrl()).upload("../../etc/passwd",
                content.getBytes(StandardCharsets.UTF_8), "epochs=1", e -> { });
        table.add(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |", table.size() - 1,
                "VALID: BOM + CRLF + reordered upper-case headers + M/d/yyyy, file name ../../etc/passwd", "200",
                outcome.status(), outcome.errorBody() == null ? accepted(outcome) : summarise(outcome.problem()),
                "changed as expected (rows added)"));
        outcome.success();
        SalesTable master = new MasterDataset(stack.dataDir).load();
        assertThat(salesOf(master, "E1", LocalDate.of(2025, 10, 5))).isEqualTo(12.0);
        assertThat(salesOf(master, "E1", LocalDate.of(2025, 10, 6))).isEqualTo(13.0);
        assertThat(DirSnapshot.sha256(Path.of("/etc/passwd"))).isEqualTo(passwd);
        assertThat(DirSnapshot.of(root.resolve("scratch")).diff(outside)).isEmpty();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("passwd")).toList())
                    .as("no file named passwd written anywhere under the test root").isEmpty();
        }
        stack.assertEveryVersionVerifies();
    }

    /**
     * Not settled by docs/api.md, so documented by the outcome: an RFC 4180 quoted field with line breaks and
     * spreadsheet-formula-like cells. Accepted means kept verbatim as text (checked in the master dataset);
     * rejected means 400 problem+json and nothing changed.
     */
    @Test
    @Order(4)
    @Timeout(300)
    void quotedNewlinesAndFormulaCellsAreKeptVerbatimOrRejectedCleanly() throws Exception {
        String note = "line one\nline two, with comma and \"quotes\"";
        String formula = "=cmd|' /C calc'!A0";
        String content = "date,product_id,sales,note,formula\n"
                + "2025-10-07,F1,3,\"" + note.replace("\"", "\"\"") + "\",\"" + formula + "\"\n"
                + "2025-10-08,F1,4,plain,\"+SUM(1;2)\"\n"
                + "2025-10-09,F1,5,@import,-2+3\n";
        DirSnapshot before = DirSnapshot.of(root.resolve("stack"));
        RetrainClient.Outcome outcome = new RetrainClient(http, retrain.baseUrl()).upload("edge.csv",
                content.getBytes(StandardCharsets.UTF_8), "epochs=1", e -> { });
        if (outcome.status() == 200) {
            outcome.success();
            SalesTable master = new MasterDataset(stack.dataDir).load();
            int r = rowOf(master, "F1", LocalDate.of(2025, 10, 7));
            assertThat(master.extra("note", r)).isEqualTo(note);
            assertThat(master.extra("formula", r)).isEqualTo(formula);
            assertThat(master.extra("formula", rowOf(master, "F1", LocalDate.of(2025, 10, 8)))).isEqualTo("+SUM(1;2)");
            assertThat(master.extra("formula", rowOf(master, "F1", LocalDate.of(2025, 10, 9)))).isEqualTo("-2+3");
            assertThat(master.extra("note", rowOf(master, "F1", LocalDate.of(2025, 10, 9)))).isEqualTo("@import");
            table.add("| " + (table.size() - 1) + " | DOCUMENTED: quoted field with newlines + formula-like cells "
                    + "(=cmd\\|..., +SUM, @, -2+3) | 200 or 400 | 200 | accepted, all kept verbatim as text | changed as expected |");
        } else {
            assertThat(outcome.status()).isEqualTo(400);
            assertThat(outcome.contentType()).startsWith("application/problem+json");
            assertThat(before.diff(DirSnapshot.of(root.resolve("stack")))).isEmpty();
            table.add("| " + (table.size() - 1) + " | DOCUMENTED: quoted field with newlines + formula-like cells | 200 or 400 | 400 | "
                    + summarise(outcome.problem()).replace("|", "\\|") + " | yes |");
        }
    }

    static String accepted(RetrainClient.Outcome outcome) {
        if (outcome.last() == null || !outcome.last().name().equals("result")) {
            return String.valueOf(outcome);
        }
        JsonNode r = outcome.last().json();
        return "accepted: " + r.path("status").asString() + ", rowsUploaded " + r.path("rowsUploaded").asInt()
                + ", rowsAdded " + r.path("rowsAdded").asInt() + ", version " + r.path("modelVersion").asInt();
    }

    static double salesOf(SalesTable t, String product, LocalDate date) {
        return t.sales(rowOf(t, product, date));
    }

    static int rowOf(SalesTable t, String product, LocalDate date) {
        for (int i = 0; i < t.size(); i++) {
            if (product.equals(t.productId(i)) && date.equals(t.date(i))) {
                return i;
            }
        }
        throw new AssertionError("no row " + product + " " + date + " in the master dataset");
    }

    /** Objects anywhere in the problem that carry a row and a column (the docs/api.md problem list). */
    static List<JsonNode> rowProblems(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isObject() && node.has("row") && node.has("column")) {
            out.add(node);
        }
        for (JsonNode child : node) {
            out.addAll(rowProblems(child));
        }
        return out;
    }

    static String summarise(JsonNode problem) {
        String s = problem.path("title").asString("") + ": " + problem.path("detail").asString("");
        List<JsonNode> rows = rowProblems(problem);
        if (!rows.isEmpty()) {
            s += " [" + rows.size() + " listed; first " + rows.get(0) + "]";
        }
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(in);
        }
        return bytes.toByteArray();
    }

    /** 60 MB of valid rows in a temp file (never in the repository). */
    static Path sixtyMegabytes(Path scratch) throws IOException {
        Path big = scratch.resolve("sixty-megabytes.csv");
        if (Files.exists(big)) {
            return big;
        }
        LocalDate start = LocalDate.of(2000, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            long written = HEADER.length() + 1;
            int i = 0;
            while (written < 60L * 1024 * 1024) {
                String line = row(start.plusDays(i % 9000), "BIG" + (i / 9000), Integer.toString(i % 97)) + "\n";
                w.write(line);
                written += line.length();
                i++;
            }
        }
        return big;
    }

}
