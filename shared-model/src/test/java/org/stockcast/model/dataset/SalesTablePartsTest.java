package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesTablePartsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @Test
    void concatKeepsTheGivenColumnOrderAddsUnlistedColumnsAndSharesOneInstancePerValue() {
        SalesTable a = SalesTable.builder().add(DAY, new String("P1"), 1, "cat", null, Double.NaN, 0, 4)
                .extra("views", "10").build();
        SalesTable b = SalesTable.builder().add(DAY.plusDays(1), new String("P1"), 2).extra("promo", "yes")
                .extra("views", "11").build();

        SalesTable both = SalesTableParts.concat(List.of(a, b), List.of("promo"));

        assertThat(both.size()).isEqualTo(2);
        assertThat(both.extraColumns()).containsExactly("promo", "views");
        assertThat(both.extra("promo", 0)).isNull();
        assertThat(both.extra("promo", 1)).isEqualTo("yes");
        assertThat(both.extra("views", 1)).isEqualTo("11");
        assertThat(both.productId(0)).isSameAs(both.productId(1));
        assertThat(both.category(0)).isEqualTo("cat");
        assertThat(both.price(0)).isNaN();
        assertThat(both.lastDate()).contains(DAY.plusDays(1));
    }

    @Test
    void sameRowsComparesEveryValueExactly() {
        SalesTable a = SalesTable.builder().add(DAY, "P1", Double.NaN).add(DAY, "P2", 0.0).build();
        SalesTable same = SalesTable.builder().add(DAY, "P1", Double.NaN).add(DAY, "P2", 0.0).build();
        SalesTable negativeZero = SalesTable.builder().add(DAY, "P1", Double.NaN).add(DAY, "P2", -0.0).build();
        SalesTable withExtra = SalesTable.builder().add(DAY, "P1", Double.NaN).extra("note", "x")
                .add(DAY, "P2", 0.0).build();
        SalesTable withOtherExtra = SalesTable.builder().add(DAY, "P1", Double.NaN).extra("note", "y")
                .add(DAY, "P2", 0.0).build();
        int[] rows = {0, 1};

        assertThat(SalesTableParts.sameRows(a, rows, 0, same, rows, 0, 2, List.of())).isTrue();
        assertThat(SalesTableParts.sameRows(a, rows, 0, negativeZero, rows, 0, 2, List.of())).isFalse();
        assertThat(SalesTableParts.sameRows(a, rows, 1, same, new int[] {1, 0}, 0, 1, List.of())).isTrue();
        assertThat(SalesTableParts.sameRows(withExtra, rows, 0, withOtherExtra, rows, 0, 2, List.of("note")))
                .isFalse();
        assertThat(SalesTableParts.nonEmptyExtras(withExtra, rows, 1, 2)).isEmpty();
        assertThat(SalesTableParts.nonEmptyExtras(withExtra, rows, 0, 2)).containsExactly("note");
    }
}
