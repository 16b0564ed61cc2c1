package cn.ogi.e2e.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Reads what the console shows a person, and acts as one: tiles, charts (their drawn option), tables, clicks. */
final class ConsolePages {

    static final Duration VIEW_TIMEOUT = Duration.ofSeconds(40);
    private final Browser browser;
    private final String base;

    ConsolePages(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    void open(String path) {
        browser.open(base + path);
    }

    /** Opens a view and waits until it is drawn, with nothing refused by the pages' Content-Security-Policy. */
    void view(String path) {
        open(path);
        browser.awaitView(path.contains("?") ? path.substring(0, path.indexOf('?')) : path, VIEW_TIMEOUT);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), browser.policyViolations(), path);
    }

    /** The KPI tiles: key → {value (data-value, the number drawn), text (what the tile shows)}. */
    Map<String, String[]> tiles() {
        Map<String, String[]> tiles = new LinkedHashMap<>();
        for (WebElement tile : browser.all("#kpis .kpi")) {
            tiles.put(tile.getAttribute("data-kpi"), new String[] {
                tile.getAttribute("data-value"),
                tile.findElement(org.openqa.selenium.By.cssSelector(".value")).getText()
            });
        }
        return tiles;
    }

    /** The categories and values an ECharts bar or line chart draws (its option, as ECharts holds it). */
    @SuppressWarnings("unchecked")
    Map<String, Object> chart(String id, int series) {
        return (Map<String, Object>) browser.script("""
                const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                const o = c.getOption();
                return {categories: o.xAxis ? o.xAxis[0].data : null, values: o.series[arguments[1]].data,
                        data: o.series[arguments[1]].data};""", id, series);
    }

    /** Clicks the bar of {@code category} in a bar chart, where a person would: halfway up the bar. */
    void clickBar(String chartId, String category) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script("""
                const e = document.getElementById(arguments[0]);
                const c = echarts.getInstanceByDom(e);
                const o = c.getOption();
                const i = o.xAxis[0].data.indexOf(arguments[1]);
                const p = c.convertToPixel({seriesIndex: 0}, [i, o.series[0].data[i] / 2]);
                return [p[0], p[1], e.clientWidth, e.clientHeight];""", chartId, category);
        WebElement chart = browser.find("#" + chartId);
        new Actions(browser.driver())
                .moveToElement(
                        chart,
                        (int) Math.round(at.get(0).doubleValue() - at.get(2).doubleValue() / 2),
                        (int) Math.round(at.get(1).doubleValue() - at.get(3).doubleValue() / 2))
                .click()
                .perform();
    }

    /** The rows of a table as the data-* attributes of each row. */
    List<Map<String, String>> rows(String tableCss, String... attributes) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (WebElement row : browser.all(tableCss + " tbody tr")) {
            Map<String, String> r = new LinkedHashMap<>();
            for (String a : attributes) {
                r.put(a, row.getAttribute("data-" + a));
            }
            rows.add(r);
        }
        return rows;
    }

    /** The text of an element, read in one step (an element the live refresh replaces cannot go stale). */
    String text(String css) {
        Object text =
                browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null", css);
        if (text == null) {
            throw new org.openqa.selenium.NoSuchElementException("no " + css);
        }
        return (String) text;
    }

    boolean present(String css) {
        return !browser.all(css).isEmpty();
    }

    String bodyText() {
        return (String) browser.script("return document.body.innerText");
    }

    /** Counts as the console formats them (zh-CN grouping): 12,345. */
    static String count(BigDecimal value) {
        return NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(value);
    }

    /** Rates as the console formats them: the exact binary value of the decimal, one decimal place, 47.8%. */
    static String rate(double value) {
        return new BigDecimal(value)
                        .multiply(BigDecimal.valueOf(100))
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString()
                + "%";
    }
}
