package org.stockcast.model.ingest;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;

/**
 * Parses and validates an uploaded sales CSV (docs/api.md "CSV input") in one streaming pass.
 * {@code fileName} is only used in messages, never as a path.
 */
public final class CsvIngest {
    private CsvIngest() {
    }

    /** @throws CsvRejectedException when the file is unusable; the exception lists the problems. */
    public static SalesTable read(InputStream in, String fileName, IngestLimits limits) throws IOException {
        GuardedInputStream guarded = new GuardedInputStream(in, limits.maxBytes());
        Reader reader = new InputStreamReader(guarded, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVReader csv = new CSVReaderBuilder(reader)
                .withCSVParser(new RFC4180ParserBuilder().build())
                // verifyReader peeks with mark/reset and would swallow our size/binary IOExceptions.
                .withVerifyReader(false)
                .build();
        try {
            return new Upload(csv, fileName, limits).read();
        } catch (GuardedInputStream.TooLargeException e) {
            throw reject(fileName, CsvRejectedException.Reason.TOO_LARGE, "'" + fileName + "' is larger than the "
                    + describeBytes(limits.maxBytes()) + " upload limit");
        } catch (GuardedInputStream.BinaryContentException e) {
            throw reject(fileName, CsvRejectedException.Reason.NOT_CSV, "'" + fileName
                    + "' is not a text CSV file (binary data at byte " + e.offset
                    + "); upload a UTF-8 comma-separated file");
        } catch (CharacterCodingException e) {
            throw reject(fileName, CsvRejectedException.Reason.NOT_CSV, "'" + fileName
                    + "' is not UTF-8 text (after byte " + guarded.count()
                    + "); save it as 'CSV UTF-8' and upload it again");
        }
    }

    static CsvRejectedException reject(String fileName, CsvRejectedException.Reason reason, String message) {
        return new CsvRejectedException(fileName, reason, message, List.of());
    }

    private static String describeBytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes + " bytes";
    }


    /** State of reading one file. */
    private static final class Upload {
        private static final int MAX_VALUE_IN_PROBLEM = 100;

        private final CSVReader csv;
        private final String fileName;
        private final IngestLimits limits;
        private final List<RowProblem> problems = new ArrayList<>();
        private long totalProblems;

        private String[] names;
        private CsvHeader.Role[] roles;
        private int[] extraIndex;
        private long recordStartLine;

        Upload(CSVReader csv, String fileName, IngestLimits limits) {
            this.csv = csv;
            this.fileName = fileName;
            this.limits = limits;
        }

        SalesTable read() throws IOException {
            SalesTableBuilder table = SalesTable.builder(1024);
            String[] header = nextRecord();
            if (header == null && totalProblems > 0) {
                throw new CsvRejectedException(fileName, CsvRejectedException.Reason.BAD_HEADER, "'" + fileName
                        + "' cannot be read: in its header line, " + problems.get(0).reason(), problems,
                        totalProblems);
            }
            if (header == null) {
                throw reject(fileName, CsvRejectedException.Reason.EMPTY, "'" + fileName
                        + "' is empty; expected a header line (date,sales,...) followed by data rows");
            }
            readHeader(header, table);
            long dataRows = 0;
            while (true) {
                String[] record = nextRecord();
                if (record == null) {
                    break;
                }
                dataRows++;
                readRow(record, recordStartLine, table);
            }
            if (totalProblems > 0) {
                throw new CsvRejectedException(fileName, CsvRejectedException.Reason.INVALID_ROWS,
                        invalidRowsMessage(), problems, totalProblems);
            }
            if (dataRows == 0) {
                throw reject(fileName, CsvRejectedException.Reason.NO_DATA_ROWS, "'" + fileName
                        + "' has a header but no data rows");
            }
            return table.build();
        }

        /** The next non-blank record, or null at the end; sets {@link #recordStartLine}. */
        private String[] nextRecord() throws IOException {
            while (true) {
                String[] record;
                // Counted before reading, so a record whose quoted field spans lines still gets its first line.
                recordStartLine = csv.getLinesRead() + 1;
                try {
                    record = csv.readNext();
                } catch (CsvMalformedLineException e) {
                    // Only an unterminated quote gets here: it swallowed the rest of the file, so the useful line
                    // is where that record started.
                    problem(recordStartLine, null, e.getContext(),
                            "a quoted value is never closed (missing \" character)");
                    return null;
                } catch (CsvException e) {
                    problem(recordStartLine, null, null, "the line cannot be read as CSV: " + e.getMessage());
                    return null;
                }
                if (record == null) {
                    return null;
                }
                if (record.length == 1 && record[0].isBlank()) {
                    continue;
                }
                return record;
            }
        }

        private void readHeader(String[] header, SalesTableBuilder table) {
            CsvHeader parsed = CsvHeader.parse(header, fileName, limits, table);
            names = parsed.names();
            roles = parsed.roles();
            extraIndex = parsed.extraIndex();
        }


        private void readRow(String[] record, long line, SalesTableBuilder table) {
            if (record.length != names.length) {
                problem(line, null, String.join(",", record), "this line has " + record.length
                        + " values but the header has " + names.length + " columns");
                return;
            }
            int epochDay = CsvValues.NO_DATE;
            String product = SalesTable.TOTAL_PRODUCT;
            double sales = Double.NaN;
            String category = null;
            String region = null;
            double price = Double.NaN;
            double discount = Double.NaN;
            double rating = Double.NaN;
            for (int c = 0; c < record.length; c++) {
                String raw = record[c];
                if (raw.length() > limits.maxFieldChars()) {
                    problem(line, names[c], raw, "the value is longer than " + limits.maxFieldChars()
                            + " characters");
                    continue;
                }
                CsvHeader.Role role = roles[c];
                if (role == CsvHeader.Role.EXTRA) {
                    continue; // set after the row is added
                }
                String value = raw.strip();
                switch (role) {
                    case DATE -> {
                        epochDay = value.isEmpty() ? CsvValues.NO_DATE : CsvValues.parseEpochDay(value);
                        if (epochDay == CsvValues.NO_DATE) {
                            problem(line, names[c], raw, value.isEmpty() ? "date is required"
                                    : "date must be a date like 2025-09-01 or 9/1/2025");
                        }
                    }
                    case PRODUCT_ID -> {
                        product = value;
                        if (value.isEmpty()) {
                            problem(line, names[c], raw, "product_id must not be empty");
                        }
                    }
                    case SALES -> {
                        // An empty cell or NA is an explicit missing value (docs/api.md), kept as NaN, not 0.
                        if (isMissing(value)) {
                            sales = Double.NaN;
                        } else {
                            sales = CsvValues.parseNumber(value);
                            if (!(sales >= 0) || Double.isInfinite(sales)) {
                                problem(line, names[c], raw, "sales must be a number >= 0");
                            }
                        }
                    }
                    case CATEGORY -> category = value;
                    case REGION -> region = value;
                    case PRICE -> price = optionalNumber(value, raw, line, c);
                    case DISCOUNT -> discount = optionalNumber(value, raw, line, c);
                    case RATING -> rating = optionalNumber(value, raw, line, c);
                    default -> throw new IllegalStateException("unhandled column role " + role);
                }
            }
            // Once the upload is known to be rejected, rows are only validated, not stored.
            if (totalProblems > 0) {
                return;
            }
            table.addEpochDay(epochDay, product, sales, category, region, price, discount, rating);
            for (int c = 0; c < record.length; c++) {
                if (extraIndex[c] >= 0) {
                    table.extra(extraIndex[c], record[c]);
                }
            }
        }

        /** Empty or {@code NA} (any case): a value the uploader did not have. */
        static boolean isMissing(String value) {
            return value.isEmpty() || value.equalsIgnoreCase("NA");
        }

        private double optionalNumber(String value, String raw, long line, int column) {
            if (value.isEmpty()) {
                return Double.NaN;
            }
            double number = CsvValues.parseNumber(value);
            if (!(number >= 0) || Double.isInfinite(number)) {
                problem(line, names[column], raw, names[column].toLowerCase(Locale.ROOT)
                        + " must be a number >= 0 or empty");
                return Double.NaN;
            }
            return number;
        }

        private void problem(long line, String column, String value, String reason) {
            totalProblems++;
            if (problems.size() < limits.maxProblems()) {
                problems.add(new RowProblem(line, column, shorten(value), reason));
            }
        }

        private static String shorten(String value) {
            if (value == null || value.length() <= MAX_VALUE_IN_PROBLEM) {
                return value;
            }
            return value.substring(0, MAX_VALUE_IN_PROBLEM) + "...";
        }

        private String invalidRowsMessage() {
            RowProblem first = problems.get(0);
            String where = "line " + first.row() + (first.column() == null ? "" : ", column '" + first.column() + "'");
            String count = totalProblems == 1 ? "1 invalid value"
                    : totalProblems + " invalid values" + (totalProblems > problems.size()
                    ? " (the first " + problems.size() + " are listed)" : "");
            return "'" + fileName + "' was not imported: " + count + "; " + where + ": " + first.reason()
                    + (first.value() == null ? "" : " (found '" + first.value() + "')");
        }
    }
}
