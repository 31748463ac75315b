package org.stockcast.forecastservice.forecast;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.stock.InventoryAdvice;

/**
 * The forecast chart: recent history and the forecast with its interval band in units per day, and below it, on
 * their own axis in units of stock, the reorder point, safety stock and maximum level: a level is a stock, not a
 * daily rate, and on the rate axis it would squash the forecast.
 */
final class ForecastPlot {
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    static final int STOCK_PANEL_HEIGHT = 240;
    /** History shown: at least two months, up to twice the horizon, never more than a year. */
    static final int MIN_HISTORY_DAYS = 60;
    static final int MAX_HISTORY_DAYS = 365;

    private ForecastPlot() {
    }

    static byte[] png(ForecastResult result) {
        EnsembleForecast f = result.forecast();
        XYChart chart = chart(HEIGHT, result.filter().describe() + " - model version " + result.modelVersion(),
                "Units per day");

        List<Date> bandX = new ArrayList<>();
        List<Double> bandY = new ArrayList<>();
        for (int i = 0; i < f.days(); i++) {
            bandX.add(date(f.date(i)));
            bandY.add(f.upper()[i]);
        }
        for (int i = f.days() - 1; i >= 0; i--) {
            bandX.add(date(f.date(i)));
            bandY.add(f.lower()[i]);
        }
        style(chart.addSeries("Interval", bandX, bandY), new Color(70, 130, 220, 60))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);

        DailySeries history = f.history();
        int shown = Math.min(history.length(), Math.min(MAX_HISTORY_DAYS, Math.max(MIN_HISTORY_DAYS, 2 * f.days())));
        List<Date> historyX = new ArrayList<>(shown);
        List<Double> historyY = new ArrayList<>(shown);
        for (int i = history.length() - shown; i < history.length(); i++) {
            if (Double.isNaN(history.values()[i])) {
                continue; // a missing day has no point to draw
            }
            historyX.add(date(history.date(i)));
            historyY.add(history.values()[i]);
        }
        if (!historyX.isEmpty()) { // an all-missing history draws the forecast alone
            style(chart.addSeries("History", historyX, historyY), new Color(60, 60, 60));
        }

        List<Date> forecastX = new ArrayList<>(f.days());
        List<Double> forecastY = new ArrayList<>(f.days());
        for (int i = 0; i < f.days(); i++) {
            forecastX.add(date(f.date(i)));
            forecastY.add(f.forecast()[i]);
        }
        style(chart.addSeries("Forecast", forecastX, forecastY), new Color(30, 90, 200));

        BufferedImage top = BitmapEncoder.getBufferedImage(chart);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(stockPanel(result, historyX.isEmpty()
                ? forecastX.get(0) : historyX.get(0), forecastX.get(forecastX.size() - 1)));
        BufferedImage both = new BufferedImage(WIDTH, HEIGHT + STOCK_PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, HEIGHT, null);
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(both, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stock levels over the same dates as the chart above, so the two panels line up in time. */
    private static XYChart stockPanel(ForecastResult result, Date from, Date to) {
        InventoryAdvice advice = result.advice();
        XYChart panel = chart(STOCK_PANEL_HEIGHT, String.format(Locale.ROOT,
                "Stock levels for a %.0f%% cycle service level", 100 * advice.serviceLevel()), "Units in stock");
        panel.getStyler().setYAxisMin(0.0);
        List<Date> span = List.of(from, to);
        level(panel, "Maximum", span, advice.maximumLevel(), new Color(40, 140, 60));
        level(panel, "Reorder point", span, advice.reorderPoint(), new Color(220, 120, 0));
        level(panel, "Safety stock", span, advice.safetyStock(), new Color(200, 30, 30));
        return panel;
    }

    private static XYChart chart(int height, String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle("Date")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        return chart;
    }

    private static void level(XYChart panel, String name, List<Date> span, double value, Color color) {
        style(panel.addSeries(name, span, List.of(value, value)), color).setLineStyle(dashed());
    }

    private static XYSeries style(XYSeries series, Color color) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setFillColor(color);
        return series;
    }

    private static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
