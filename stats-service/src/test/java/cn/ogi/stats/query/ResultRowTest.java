package cn.ogi.stats.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows and listing items as records, read by column key as the exports read them. */
class ResultRowTest {

    @Test
    void aStatsRowIsItsKeyItsNameAndItsMetrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("granted", new BigDecimal("3"));
        metrics.put("disclosureRate", null);
        StatsRow row = new StatsRow("371502", "东昌府区", metrics);

        assertEquals("371502", row.value("key"));
        assertEquals("东昌府区", row.value("name"));
        assertEquals(new BigDecimal("3"), row.value("granted"));
        assertNull(row.value("disclosureRate"));
        assertEquals(
                List.of("granted", "disclosureRate"),
                List.copyOf(row.metricFields().keySet()));
    }

    @Test
    void aRowThatIsNoRecordMustReadItsValuesItself() {
        ResultRow notARecord = new ResultRow() {};

        assertThrows(IllegalStateException.class, () -> notARecord.value("key"));
    }

    @Test
    void aFindingKeepsACopyOfItsCells() {
        List<String> cells = new java.util.ArrayList<>(List.of("applications.newReceived.total"));
        var finding = new ListingItems.Finding("code", "name", "371500", 2023, 1, "APP-BALANCE", "error", cells, "m");
        cells.clear();

        assertEquals(List.of("applications.newReceived.total"), finding.value("cells"));
        assertNull(new ListingItems.Finding("code", "name", "371500", 2023, 1, "R", "error", null, "m").cells());
    }

    @Test
    void aListingItemIsReadByItsComponentNames() {
        var missing =
                new ListingItems.Missing("11371500MB28532216", "聊城市某局", "department", "371500", 2023, "2024-01-31");

        assertEquals("2024-01-31", missing.value("deadline"));
        assertEquals(2023, missing.value("year"));
        assertNull(missing.value("firstSubmittedAt"));
        for (Column c : CompletenessQueries.COLUMNS) {
            assertNull(missing.value(c.key()), c.key() + " is a count column, not an item's");
        }
    }
}
