package cn.ogi.stats.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.IndicatorDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An indicator of the edition definitions evaluated over the sums of a metric set. */
class IndicatorTest {

    private static final IndicatorDefinition DISCLOSURE = Editions.standard().get("2021").indicators().stream()
            .filter(i -> i.key().equals("disclosureRate"))
            .findFirst()
            .orElseThrow();

    private static final MetricSet SET = new MetricSet(
            List.of(
                    new MetricSet.Sum("granted", "予以公开", "applications.granted.{column}"),
                    new MetricSet.Sum("partiallyGranted", "部分公开", "applications.partiallyGranted.{column}"),
                    new MetricSet.Sum("totalProcessed", "总计", "applications.totalProcessed.{column}")),
            List.of(DISCLOSURE));

    private static Map<String, Object> compute(long granted, long partially, long processed) {
        return SET.compute(new BigDecimal[] {
            BigDecimal.valueOf(granted), BigDecimal.valueOf(partially), BigDecimal.valueOf(processed)
        });
    }

    @Test
    void theDisclosureRateIsGrantedAndPartlyGrantedOverTheProcessed() {
        assertEquals(new BigDecimal("0.5"), compute(3, 1, 8).get("disclosureRate"));
        assertEquals(new BigDecimal("0.333333"), compute(1, 0, 3).get("disclosureRate"));
        assertEquals(
                List.of("granted", "partiallyGranted", "totalProcessed", "disclosureRate"),
                SET.columns().stream().map(Column::key).toList());
    }

    @Test
    void aZeroDenominatorIsNull() {
        Map<String, Object> metrics = compute(0, 0, 0);

        assertTrue(metrics.containsKey("disclosureRate"));
        assertNull(metrics.get("disclosureRate"));
    }

    @Test
    void termsKeepTheirSignsAndAnIndicatorOverOtherCellsIsNotAnsweredBySet() {
        IndicatorDefinition refusedShare = new IndicatorDefinition(
                "notGrantedShare",
                "未予公开占比",
                "column",
                List.of("total"),
                Expression.parse("applications.totalProcessed.{column} - applications.granted.{column}"),
                Expression.parse("applications.totalProcessed.{column}"));
        IndicatorDefinition elsewhere = new IndicatorDefinition(
                "reconsiderationCorrectionRate",
                "行政复议纠错率",
                null,
                List.of(),
                Expression.parse("reviews.reconsideration.corrected"),
                Expression.parse("reviews.reconsideration.total"));
        MetricSet set = new MetricSet(
                List.of(
                        new MetricSet.Sum("granted", "予以公开", "applications.granted.{column}"),
                        new MetricSet.Sum("totalProcessed", "总计", "applications.totalProcessed.{column}")),
                List.of(refusedShare, elsewhere));

        assertEquals(List.of("notGrantedShare"), set.indicatorKeys());
        assertEquals(
                new BigDecimal("0.75"),
                set.compute(new BigDecimal[] {BigDecimal.ONE, BigDecimal.valueOf(4)})
                        .get("notGrantedShare"));
    }

    @Test
    void anIndicatorOverAnotherVariableALiteralOrLastYearIsNotAnswered() {
        List<MetricSet.Sum> sums = List.of(
                new MetricSet.Sum("granted", "予以公开", "applications.granted.{column}"),
                new MetricSet.Sum("totalProcessed", "总计", "applications.totalProcessed.{column}"));
        List<IndicatorDefinition> odd = List.of(
                new IndicatorDefinition(
                        "byRow",
                        "按行",
                        "row",
                        List.of("granted"),
                        Expression.parse("applications.{row}.total"),
                        Expression.parse("applications.totalProcessed.total")),
                new IndicatorDefinition(
                        "literal",
                        "常数",
                        null,
                        List.of(),
                        Expression.parse("applications.granted.{column}"),
                        Expression.parse("applications.totalProcessed.{column} + 1")),
                new IndicatorDefinition(
                        "lastYear",
                        "上年",
                        null,
                        List.of(),
                        Expression.parse("prev:applications.granted.{column}"),
                        Expression.parse("applications.totalProcessed.{column}")));

        assertEquals(List.of(), new MetricSet(sums, odd).indicatorKeys());
    }

    @Test
    void theQueriesAnswerTheEditionsIndicators() {
        assertEquals(List.of("reconsiderationCorrectionRate", "litigationLossRate"), Metrics.REVIEWS.indicatorKeys());
        assertEquals(9, Metrics.OUTCOMES.indicatorKeys().size());
        assertEquals(List.of(), Metrics.APPLICATIONS.indicatorKeys());
    }
}
