package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesFilterTest {

    @Test
    void describesSingleFilters() {
        assertThat(SalesFilter.ALL.describe()).isEqualTo("All products");
        assertThat(SalesFilter.product("P021").describe()).isEqualTo("Product P021");
        assertThat(SalesFilter.category("A").describe()).isEqualTo("Category A");
        assertThat(SalesFilter.region("North").describe()).isEqualTo("Region North");
    }

    @Test
    void joinsCombinationsInAFixedOrder() {
        assertThat(new SalesFilter(null, "A", "North", 4.0, null, null).describe())
                .isEqualTo("Category A, Region North, rating >= 4.0");
        assertThat(new SalesFilter("P1", null, null, null, 99.5, 10.0).describe())
                .isEqualTo("Product P1, price <= 99.5, discount >= 10.0");
    }

    @Test
    void knowsWhenItSelectsEverything() {
        assertThat(SalesFilter.ALL.isAll()).isTrue();
        assertThat(new SalesFilter(null, null, null, null, null, 1.0).isAll()).isFalse();
    }
}
