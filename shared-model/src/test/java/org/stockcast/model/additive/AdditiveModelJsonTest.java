package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AdditiveModelJsonTest {

    @Test
    void roundTripPredictsExactlyTheSame() throws IOException {
        SpecialDay promo = new SpecialDay("promo", List.of(LocalDate.of(2017, 3, 1), LocalDate.of(2018, 3, 1)), 1, 2);
        Map<String, FittedAdditiveModel> models = new LinkedHashMap<>();
        models.put("Product P021", AdditiveModel.fit(SyntheticSeries.generate(800, 2, 1).series(),
                AdditiveConfig.defaults().withSpecialDays(List.of(promo))));
        models.put("Category \"B\"", AdditiveModel.fit(SyntheticSeries.generate(60, 2, 2).series(),
                AdditiveConfig.defaults().withMode(SeasonalityMode.MULTIPLICATIVE)));

        Map<String, FittedAdditiveModel> loaded = read(write(models));

        assertThat(loaded.keySet()).containsExactly("Product P021", "Category \"B\"");
        for (String name : models.keySet()) {
            AdditiveForecast expected = models.get(name).predict(90);
            AdditiveForecast actual = loaded.get(name).predict(90);
            assertThat(actual.yhat()).containsExactly(expected.yhat());
            assertThat(actual.lower()).containsExactly(expected.lower());
            assertThat(actual.upper()).containsExactly(expected.upper());
            assertThat(loaded.get(name).config()).isEqualTo(models.get(name).config());
            assertThat(loaded.get(name).lastDate()).isEqualTo(models.get(name).lastDate());
        }
    }

    @Test
    void ignoresUnknownInformationalFields() throws IOException {
        Map<String, FittedAdditiveModel> models = Map.of("a",
                AdditiveModel.fit(SyntheticSeries.generate(40, 1, 3).series(), AdditiveConfig.defaults()));
        String json = new String(write(models), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"writtenBy\": \"test\",");
        assertThat(read(json.getBytes(StandardCharsets.UTF_8)).get("a").predict(5).yhat())
                .containsExactly(models.get("a").predict(5).yhat());
    }

    @Test
    void rejectsUnknownFormatVersion() {
        String json = "{\"format\": 2, \"models\": {}}";
        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("format 2");
    }

    @Test
    void rejectsMalformedModel() {
        String json = "{\"format\": 1, \"models\": {\"a\": {\"historyStart\": \"2020-01-01\"}}}";
        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("additive model");
    }

    static byte[] write(Map<String, FittedAdditiveModel> models) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdditiveModelJson.write(models, out);
        return out.toByteArray();
    }

    static Map<String, FittedAdditiveModel> read(byte[] bytes) throws IOException {
        return AdditiveModelJson.read(new ByteArrayInputStream(bytes));
    }
}
