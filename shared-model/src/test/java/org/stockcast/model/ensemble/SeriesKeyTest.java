package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.SalesFilter;

class SeriesKeyTest {

    @Test
    void singleNamedConstraintIsPrecomputed() {
        assertThat(SeriesKey.of(SalesFilter.product("P021"))).contains("product:P021");
        assertThat(SeriesKey.of(SalesFilter.category("A"))).contains("category:A");
        assertThat(SeriesKey.of(SalesFilter.region("North"))).contains("region:North");
        assertThat(SeriesKey.of(SalesFilter.ALL)).contains(SeriesKey.TOTAL);
    }

    @Test
    void combinationsAndNumericBoundsAreFittedOnDemand() {
        assertThat(SeriesKey.of(new SalesFilter("P1", "A", null, null, null, null))).isEmpty();
        assertThat(SeriesKey.of(new SalesFilter(null, "A", "North", null, null, null))).isEmpty();
        assertThat(SeriesKey.of(new SalesFilter("P1", null, null, 4.0, null, null))).isEmpty();
        assertThat(SeriesKey.of(new SalesFilter(null, null, null, null, 10.0, null))).isEmpty();
        assertThat(SeriesKey.of(new SalesFilter(null, null, null, null, null, 0.1))).isEmpty();
    }

    @Test
    void filterIsTheInverseOfOf() {
        for (SalesFilter filter : new SalesFilter[] {SalesFilter.ALL, SalesFilter.product("P:1"),
            SalesFilter.category("A"), SalesFilter.region("North")}) {
            assertThat(SeriesKey.filter(SeriesKey.of(filter).orElseThrow())).contains(filter);
        }
        assertThat(SeriesKey.filter("nonsense")).isEqualTo(Optional.empty());
    }
}
