package org.stockcast.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvValuesTest {

    private static int day(int y, int m, int d) {
        return (int) LocalDate.of(y, m, d).toEpochDay();
    }

    @Test
    void parsesIsoAndUsDates() {
        assertThat(CsvValues.parseEpochDay("2025-09-01")).isEqualTo(day(2025, 9, 1));
        assertThat(CsvValues.parseEpochDay("2024-02-29")).isEqualTo(day(2024, 2, 29));
        assertThat(CsvValues.parseEpochDay("9/1/2025")).isEqualTo(day(2025, 9, 1));
        assertThat(CsvValues.parseEpochDay("09/01/2025")).isEqualTo(day(2025, 9, 1));
        assertThat(CsvValues.parseEpochDay("12/31/1999")).isEqualTo(day(1999, 12, 31));
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "2025-9-1", "2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10",
            "2025/09/01", "13/1/2025", "9/1/25", "9/1/20255", "1/2/3/2025", "//2025", "2025-09-01T00:00",
            "0000-01-01", "abcd-ef-gh", "9/31/2025", "Sept 1, 2025", "1.9.2025"}) {
            assertThat(CsvValues.parseEpochDay(bad)).as(bad).isEqualTo(CsvValues.NO_DATE);
        }
    }

    @Test
    void fastNumberPathAgreesWithDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 4) {
                case 0 -> Long.toString(random.nextLong(1_000_000_000_000L));
                case 1 -> String.format(java.util.Locale.ROOT, "%." + random.nextInt(0, 8) + "f",
                        random.nextDouble() * 10_000);
                case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-5, 20)));
                default -> random.nextInt(0, 100_000) + "." + random.nextInt(0, 1_000_000);
            };
            assertThat(CsvValues.parseNumber(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void rejectsJavaOnlyNumberSyntax() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "0x1p3", "1d", "2f", "1,5", "1 000", ".",
            "-", "+", "e5", "1e", "1..2", "--1", "$5", "5%"}) {
            assertThat(CsvValues.parseNumber(bad)).as(bad).isNaN();
        }
        assertThat(CsvValues.parseNumber("1e999")).isInfinite();
    }
}
