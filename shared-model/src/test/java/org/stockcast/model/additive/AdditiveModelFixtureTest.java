package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Saved models of every published format keep loading and predicting the numbers they predicted when saved. */
class AdditiveModelFixtureTest {

    @Test
    void format1FixtureStillPredictsTheSavedNumbers() throws IOException {
        Map<String, FittedAdditiveModel> models;
        try (InputStream in = resource("models-format1.json")) {
            models = AdditiveModelJson.read(in);
        }
        Map<String, Map<String, double[]>> expected;
        try (InputStream in = resource("models-format1-expected.json")) {
            expected = JsonMapper.builder().build().readValue(in, new TypeReference<>() { });
        }
        assertThat(models.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, FittedAdditiveModel> entry : models.entrySet()) {
            AdditiveForecast f = entry.getValue().predict(FixtureWriter.FIXTURE_DAYS);
            Map<String, double[]> saved = expected.get(entry.getKey());
            assertThat(f.yhat()).containsExactly(saved.get("yhat"), within(1e-9));
            assertThat(f.trend()).containsExactly(saved.get("trend"), within(1e-9));
            assertThat(f.weekly()).containsExactly(saved.get("weekly"), within(1e-9));
            assertThat(f.yearly()).containsExactly(saved.get("yearly"), within(1e-9));
            assertThat(f.specialDays()).containsExactly(saved.get("specialDays"), within(1e-9));
            assertThat(f.lower()).containsExactly(saved.get("lower"), within(1e-9));
            assertThat(f.upper()).containsExactly(saved.get("upper"), within(1e-9));
        }
        assertThat(models.get("Category Electronics").config().mode()).isEqualTo(SeasonalityMode.MULTIPLICATIVE);
        assertThat(models.get("Product P021").config().specialDays()).hasSize(1);
    }

    private static InputStream resource(String name) {
        InputStream in = AdditiveModelFixtureTest.class.getResourceAsStream("/additive/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
