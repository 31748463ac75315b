package org.stockcast.model.additive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned JSON format for fitted models; one file can hold many models keyed by series name.
 * Format 1 is documented in docs/additive-model.md; a reader must reject formats it does not know.
 */
public final class AdditiveModelJson {
    public static final int FORMAT = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // informational fields may be added within a format; anything that changes predictions bumps it
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private AdditiveModelJson() {
    }

    public static void write(Map<String, FittedAdditiveModel> models, OutputStream out) throws IOException {
        Map<String, ModelJson> json = new LinkedHashMap<>();
        models.forEach((name, model) -> json.put(name, toJson(model)));
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, new FileJson(FORMAT, json));
        } catch (JacksonException e) {
            throw new IOException("cannot write additive models: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, FittedAdditiveModel> read(InputStream in) throws IOException {
        FileJson file;
        try {
            file = MAPPER.readValue(in, FileJson.class);
        } catch (JacksonException e) {
            throw new IOException("not an additive model file: " + e.getOriginalMessage(), e);
        }
        if (file == null || file.format() != FORMAT) {
            throw new IOException("unsupported additive model format " + (file == null ? "null" : file.format())
                    + " (this version reads format " + FORMAT + ")");
        }
        if (file.models() == null) {
            throw new IOException("additive model file has no \"models\"");
        }
        Map<String, FittedAdditiveModel> models = new LinkedHashMap<>();
        for (Map.Entry<String, ModelJson> entry : file.models().entrySet()) {
            try {
                models.put(entry.getKey(), fromJson(entry.getValue()));
            } catch (RuntimeException e) {
                throw new IOException("invalid additive model \"" + entry.getKey() + "\": " + e.getMessage(), e);
            }
        }
        return models;
    }

    private static ModelJson toJson(FittedAdditiveModel model) {
        AdditiveConfig c = model.config();
        FeatureLayout layout = model.layout();
        double[] beta = model.beta();
        List<SeasonalityJson> seasonalities = new ArrayList<>();
        for (int s = 0; s < layout.seasonalities().size(); s++) {
            SeasonalitySpec spec = layout.seasonalities().get(s);
            int from = layout.seasonalityOffset(s);
            seasonalities.add(new SeasonalityJson(spec.name(), spec.period(), spec.order(),
                    Arrays.copyOfRange(beta, from, from + spec.columns())));
        }
        List<SpecialDayJson> specialDays = new ArrayList<>();
        int column = layout.specialDaysOffset();
        for (SpecialDay day : layout.specialDays()) {
            int width = FeatureLayout.windowLength(day);
            specialDays.add(new SpecialDayJson(day.name(), day.dates().stream().map(LocalDate::toString).toList(),
                    day.daysBefore(), day.daysAfter(), Arrays.copyOfRange(beta, column, column + width)));
            column += width;
        }
        ConfigJson config = new ConfigJson(c.changepoints(), c.changepointRange(), c.changepointPriorScale(),
                c.seasonalityPriorScale(), c.holidaysPriorScale(), c.yearlyOrder(), c.weeklyOrder(), c.mode(),
                c.intervalWidth(), c.uncertaintySamples(), c.seed());
        return new ModelJson(model.historyStart().toString(), model.historyDays(), model.timeScaleDays(),
                model.yScale(), model.k(), model.m(), model.scaledSigma(), model.changepoints(), model.deltas(),
                seasonalities, specialDays, config);
    }

    private static FittedAdditiveModel fromJson(ModelJson json) {
        require(json != null && json.config() != null && json.historyStart() != null, "missing fields");
        require(json.historyDays() >= 1 && json.timeScaleDays() > 0 && json.yScale() > 0 && json.sigma() > 0,
                "historyDays, timeScaleDays, yScale and sigma must be positive");
        require(json.changepoints() != null && json.deltas() != null
                && json.changepoints().length == json.deltas().length, "changepoints and deltas differ in length");
        ConfigJson c = json.config();
        require(c.mode() != null, "config.mode is missing");
        List<SeasonalitySpec> specs = new ArrayList<>();
        List<double[]> blocks = new ArrayList<>();
        for (SeasonalityJson s : nonNull(json.seasonalities())) {
            require(s.coefficients() != null && s.coefficients().length == 2 * s.order() && s.period() > 0,
                    "seasonality " + s.name() + " needs period > 0 and 2 * order coefficients");
            specs.add(new SeasonalitySpec(s.name(), s.period(), s.order()));
            blocks.add(s.coefficients());
        }
        List<SpecialDay> days = new ArrayList<>();
        for (SpecialDayJson d : nonNull(json.specialDays())) {
            SpecialDay day = new SpecialDay(d.name(), d.dates().stream().map(AdditiveModelJson::date).toList(),
                    d.daysBefore(), d.daysAfter());
            require(d.coefficients() != null && d.coefficients().length == FeatureLayout.windowLength(day),
                    "special day " + d.name() + " needs one coefficient per day of its window");
            days.add(day);
            blocks.add(d.coefficients());
        }
        double[] beta = blocks.stream().flatMapToDouble(Arrays::stream).toArray();
        AdditiveConfig config = new AdditiveConfig(c.changepoints(), c.changepointRange(),
                c.changepointPriorScale(), c.seasonalityPriorScale(), c.holidaysPriorScale(), c.yearlyOrder(),
                c.weeklyOrder(), c.mode(), c.intervalWidth(), c.uncertaintySamples(), days, c.seed());
        return new FittedAdditiveModel(config, date(json.historyStart()), json.historyDays(), json.timeScaleDays(),
                json.yScale(), new FeatureLayout(specs, days), json.k(), json.m(), json.changepoints(),
                json.deltas(), beta, json.sigma());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("bad date " + text, e);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    record FileJson(int format, Map<String, ModelJson> models) {
    }

    /** Parameters in Prophet's scaled units: t = days since historyStart / timeScaleDays, y / yScale. */
    record ModelJson(String historyStart, int historyDays, double timeScaleDays, double yScale, double k, double m,
                     double sigma, double[] changepoints, double[] deltas, List<SeasonalityJson> seasonalities,
                     List<SpecialDayJson> specialDays, ConfigJson config) {
    }

    record SeasonalityJson(String name, double period, int order, double[] coefficients) {
    }

    record SpecialDayJson(String name, List<String> dates, int daysBefore, int daysAfter, double[] coefficients) {
    }

    record ConfigJson(int changepoints, double changepointRange, double changepointPriorScale,
                      double seasonalityPriorScale, double holidaysPriorScale, int yearlyOrder, int weeklyOrder,
                      SeasonalityMode mode, double intervalWidth, int uncertaintySamples, long seed) {
    }
}
