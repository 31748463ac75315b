package org.stockcast.forecastservice.forecast;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.stockcast.forecastservice.watch.ModelNotLoadedException;
import org.stockcast.forecastservice.watch.ModelWatcher;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.stock.ErrorPaths;
import org.stockcast.model.stock.InventoryAdvice;

@WebMvcTest
class ForecastControllerTest {
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ForecastService service;
    @MockitoBean
    ModelWatcher watcher;

    private static ForecastResult result() {
        DailySeries history = new DailySeries(LocalDate.of(2025, 9, 1), new double[] {4, 5, 6});
        EnsembleForecast forecast = new EnsembleForecast(LocalDate.of(2025, 9, 4), new double[] {10.12345, 11},
                new double[] {8, 9}, new double[] {12, 13}, new double[] {9, 10}, new double[] {11.5, 12.5}, history);
        InventoryAdvice advice = new InventoryAdvice(60.5, 10.25, 10.25, 130.5, null,
                List.of("No current stock given: reorder when stock falls to 60.5 units"), 0.95, 0.98765, null);
        return new ForecastResult(7, SalesFilter.product("P021"), forecast, advice);
    }

    private org.springframework.test.web.servlet.ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/forecast").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theForecastsOwnWarningsComeBeforeTheAdvice() throws Exception {
        ForecastResult plain = result();
        EnsembleForecast f = plain.forecast();
        EnsembleForecast zero = new EnsembleForecast(f.start(), new double[] {0, 0}, new double[] {0, 0},
                new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}, null, ErrorPaths.NONE, f.history(),
                List.of("All 3 days of history (2025-09-01 to 2025-09-03) are zero: the forecast is 0"));
        given(service.forecast(any())).willReturn(new ForecastResult(7, plain.filter(), zero, plain.advice()));

        postJson("{\"days\":2,\"product_id\":\"P021\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forecast.2025-09-04.forecast").value(0.0))
                .andExpect(jsonPath("$.warnings[0]").value(Matchers.startsWith("All 3 days of history")))
                .andExpect(jsonPath("$.warnings[1]").value(Matchers.startsWith("No current stock")));
    }

    @Test
    void answersSnakeCaseWithDatesAscending() throws Exception {
        given(service.forecast(any())).willReturn(result());
        postJson("{\"days\":2,\"product_id\":\"P021\",\"current_stock\":12.5,\"lead_time_days\":3}")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.model_version").value(7))
                .andExpect(jsonPath("$.context").value("Product P021"))
                .andExpect(jsonPath("$.forecast.2025-09-04.forecast").value(10.123))
                .andExpect(jsonPath("$.forecast.2025-09-04.lower_bound").value(8.0))
                .andExpect(jsonPath("$.forecast.2025-09-04.upper_bound").value(12.0))
                .andExpect(jsonPath("$.forecast.2025-09-04.additive").value(9.0))
                .andExpect(jsonPath("$.forecast.2025-09-04.lstm").value(11.5))
                .andExpect(jsonPath("$.forecast.2025-09-05.forecast").value(11.0))
                .andExpect(jsonPath("$.reorder_point").value(60.5))
                .andExpect(jsonPath("$.safety_stock").value(10.25))
                .andExpect(jsonPath("$.minimum_level").value(10.25))
                .andExpect(jsonPath("$.maximum_level").value(130.5))
                .andExpect(jsonPath("$.days_of_stock_left").doesNotExist())
                .andExpect(jsonPath("$.warnings[0]").value(Matchers.startsWith("No current stock")))
                .andExpect(content().string(Matchers.containsString(
                        "\"forecast\":{\"2025-09-04\":{")));
        ArgumentCaptor<ForecastRequest> request = ArgumentCaptor.forClass(ForecastRequest.class);
        Mockito.verify(service).forecast(request.capture());
        org.assertj.core.api.Assertions.assertThat(request.getValue()).isEqualTo(new ForecastRequest(2, "P021",
                null, null, null, null, null, 12.5, null, 3, null, null, null, null, null, null));
    }

    @Test
    void daysDefaultsToSeven() throws Exception {
        given(service.forecast(any())).willReturn(result());
        postJson("{\"product_id\":\"P021\"}").andExpect(status().isOk());
        ArgumentCaptor<ForecastRequest> request = ArgumentCaptor.forClass(ForecastRequest.class);
        Mockito.verify(service).forecast(request.capture());
        org.assertj.core.api.Assertions.assertThat(request.getValue().daysOrDefault()).isEqualTo(7);
    }

    @Test
    void plotDrawsAHistoryWithMissingDaysOrOnlyMissingDays() throws Exception {
        ForecastResult plain = result();
        EnsembleForecast f = plain.forecast();
        for (double[] values : new double[][] {{4, Double.NaN, 6}, {Double.NaN, Double.NaN, Double.NaN}}) {
            EnsembleForecast gappy = new EnsembleForecast(f.start(), f.forecast(), f.lower(), f.upper(),
                    f.additive(), f.lstm(), new DailySeries(f.history().start(), values));
            byte[] png = ForecastPlot.png(new ForecastResult(7, plain.filter(), gappy, plain.advice()));
            org.assertj.core.api.Assertions.assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"days\":0}|days",
        "{\"days\":366}|days",
        "{\"days\":-3}|days",
        "{\"days\":\"soon\"}|days",
        "{\"days\":7.5}|days",
        "{\"days\":7,\"product_id\":\"  \"}|product_id",
        "{\"days\":7,\"min_rating\":-1}|min_rating",
        "{\"days\":7,\"max_price\":\"cheap\"}|max_price",
        "{\"days\":7,\"service_level\":1.5}|service_level",
        "{\"days\":7,\"lead_time_days\":-1}|lead_time_days",
        "{\"days\":7,\"current_stock\":-5}|current_stock",
        "{\"days\":7,\"productId\":\"P021\"}|productId"
    })
    void badFieldsAre400ProblemsNamingTheField(String body, String field) throws Exception {
        postJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith(field + ":")))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        Mockito.verifyNoInteractions(service);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        postJson("{\"days\": 7,").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        postJson("").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void noMatchingRowsIs404() throws Exception {
        given(service.forecast(any())).willThrow(new NoMatchingRowsException("No sales rows match the filters"));
        postJson("{\"product_id\":\"nope\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("No sales rows match the filters"));
    }

    @Test
    void saturatedOnDemandFitsAre503WithRetryAfter() throws Exception {
        given(service.forecast(any())).willThrow(new FitCapacityException(1, 2, java.time.Duration.ofSeconds(3)));
        postJson("{\"days\":7,\"max_price\":12.5}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Forecast capacity exhausted"));
    }

    @Test
    void beforeTheFirstModelIs503WithRetryAfter() throws Exception {
        given(service.forecast(any())).willThrow(new ModelNotLoadedException("No model version is loaded yet"));
        postJson("{\"days\":7}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void unexpectedErrorsAre500ProblemsWithoutInternals() throws Exception {
        given(service.forecast(any())).willThrow(new IllegalStateException("secret internals"));
        postJson("{\"days\":7}")
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))));
    }

    @Test
    void plotIsAPng() throws Exception {
        given(service.forecast(any())).willReturn(result());
        byte[] png = mvc.perform(get("/forecast/plot.png").param("days", "2").param("product_id", "P021"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andExpect(header().string("X-Model-Version", "7"))
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        org.assertj.core.api.Assertions.assertThat(image.getWidth()).isEqualTo(ForecastPlot.WIDTH);
        org.assertj.core.api.Assertions.assertThat(image.getHeight())
                .isEqualTo(ForecastPlot.HEIGHT + ForecastPlot.STOCK_PANEL_HEIGHT);
    }

    @Test
    void answersTheServiceLevelFillRateAndSuggestedOrder() throws Exception {
        ForecastResult plain = result();
        InventoryAdvice a = plain.advice();
        InventoryAdvice withStock = new InventoryAdvice(a.reorderPoint(), a.safetyStock(), a.minimumLevel(),
                a.maximumLevel(), 1.2, a.warnings(), 0.9, 0.97, 120.0);
        given(service.forecast(any())).willReturn(new ForecastResult(7, plain.filter(), plain.forecast(), withStock));
        postJson("{\"days\":2,\"current_stock\":12,\"pack_size\":12,\"min_order_qty\":24,"
                + "\"lead_time_std_days\":1.5,\"holding_cost\":1,\"stockout_cost\":9}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_level").value(0.9))
                .andExpect(jsonPath("$.fill_rate").value(0.97))
                .andExpect(jsonPath("$.suggested_order").value(120.0))
                .andExpect(jsonPath("$.reorder_point").value(60.5));
        ArgumentCaptor<ForecastRequest> request = ArgumentCaptor.forClass(ForecastRequest.class);
        Mockito.verify(service).forecast(request.capture());
        org.assertj.core.api.Assertions.assertThat(request.getValue().packSize()).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThat(request.getValue().leadTimeStdDays()).isEqualTo(1.5);
        org.assertj.core.api.Assertions.assertThat(request.getValue().stockoutCost()).isEqualTo(9);
    }

    @Test
    void noSuggestedOrderWithoutCurrentStock() throws Exception {
        given(service.forecast(any())).willReturn(result());
        postJson("{\"days\":2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fill_rate").value(0.988))
                .andExpect(jsonPath("$.suggested_order").doesNotExist());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"lead_time_std_days\":-1}|lead_time_std_days",
        "{\"pack_size\":0}|pack_size",
        "{\"pack_size\":0.5}|pack_size",
        "{\"min_order_qty\":-3}|min_order_qty",
        "{\"holding_cost\":0,\"stockout_cost\":1}|holding_cost",
        "{\"holding_cost\":1,\"stockout_cost\":-1}|stockout_cost",
        "{\"holding_cost\":1}|stockout_cost",
        "{\"stockout_cost\":5}|holding_cost",
        "{\"pack_size\":\"six\"}|pack_size"})
    void badInventoryFieldsAre400ProblemsNamingTheField(String body, String field) throws Exception {
        postJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith(field + ":")));
        Mockito.verifyNoInteractions(service);
    }

    @Test
    void plotChecksTheCostPairToo() throws Exception {
        mvc.perform(get("/forecast/plot.png").param("holding_cost", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("stockout_cost"));
    }

    @ParameterizedTest
    @CsvSource({"days,0,days", "days,abc,days", "min_discount,-1,min_discount", "product_id,' ',product_id"})
    void plotValidatesLikeThePost(String param, String value, String field) throws Exception {
        mvc.perform(get("/forecast/plot.png").param(param, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void plotErrorsAreProblemsEvenWhenOnlyAPngIsAccepted() throws Exception {
        mvc.perform(get("/forecast/plot.png").param("days", "0").accept(MediaType.IMAGE_PNG))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void plotBeforeTheFirstModelIs503Problem() throws Exception {
        given(service.forecast(any())).willThrow(new ModelNotLoadedException("No model version is loaded yet"));
        mvc.perform(get("/forecast/plot.png"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void modelBeforeTheFirstLoadIs503() throws Exception {
        given(watcher.current()).willReturn(Optional.empty());
        given(watcher.lastReloadError()).willReturn(Optional.of("version 3 rejected (extra_file)"));
        mvc.perform(get("/model"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("extra_file")));
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        mvc.perform(get("/nothing-here")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void wrongMediaTypeIs415Problem() throws Exception {
        mvc.perform(post("/forecast").contentType(MediaType.TEXT_PLAIN).content("days=7"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }
}
