package cn.ogi.stats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.json.ReportJson;
import cn.ogi.stats.TestReports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The feed's fast cell reader gives exactly report-form's cells, also for odd and damaged reports. */
class CellReaderTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void readsTheSameCellsAsReportFormForReportsOfEveryEditionAndTwoThousandMutationsOfThem() {
        Random random = new Random(7);
        int compared = 0;
        int nonEmpty = 0;
        for (int seed = 1; seed <= 40; seed++) {
            int year = 2019 + seed % 6;
            String first17 = "11370102" + String.format("%09d", seed);
            String agency = first17 + CreditCode.checkCharacter(first17);
            JsonNode report = ReportJson.standard()
                    .write(TestReports.varied(agency, year, seed).build());
            assertSameCells(report);
            for (int m = 0; m < 50; m++) {
                JsonNode mutated = report.deepCopy();
                for (int k = 0; k < 1 + random.nextInt(6); k++) {
                    mutate((ObjectNode) mutated, random);
                }
                nonEmpty += assertSameCells(mutated) > 0 ? 1 : 0;
                compared++;
            }
        }
        assertEquals(2000, compared);
        assertTrue(nonEmpty > 1500, "the mutations leave most reports with cells to compare");
    }

    @Test
    void aReportOfAnUnknownEditionIsReadByReportForm() {
        JsonNode report = ReportJson.standard()
                .write(TestReports.varied("11370102000000001X", 2023, 3).build());
        ((ObjectNode) report).put("edition", "2099");
        assertSameCells(report);
        ((ObjectNode) report).remove("edition");
        assertSameCells(report);
    }

    @Test
    void aCellKeyWrittenWithItsDotsAsOneMemberNameIsReadAsReportFormReadsIt() {
        JsonNode report = ReportJson.standard()
                .write(TestReports.varied("11370102000000001X", 2023, 5).build());
        String key = Editions.standard()
                .find(report.get("edition").asText())
                .orElseThrow()
                .cells()
                .get(3)
                .key();
        String section = key.substring(0, key.indexOf('.'));
        ObjectNode flat = report.deepCopy();
        flat.put(key, 7); // "applications.….total": 7 at the top
        ((ObjectNode) flat.get(section)).put(key.substring(section.length() + 1), 8); // the rest, dotted, inside
        assertSameCells(flat);
    }

    private static int assertSameCells(JsonNode report) {
        Map<String, BigDecimal> fast = CellReader.read(report);
        assertEquals(CellReader.byReportForm(report), fast, report::toString);
        return fast.size();
    }

    /** One change somewhere in the report: a leaf becomes null, text, a fraction, a negative, zero; keys are added. */
    private static void mutate(ObjectNode report, Random random) {
        List<ObjectNode> parents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collect(report, parents, names);
        int at = random.nextInt(parents.size());
        ObjectNode parent = parents.get(at);
        String name = names.get(at);
        switch (random.nextInt(10)) {
            case 0 -> parent.putNull(name);
            case 1 -> parent.put(name, "12");
            case 2 -> parent.put(name, new BigDecimal("2.5"));
            case 3 -> parent.put(name, -3);
            case 4 -> parent.put(name, 0);
            case 5 -> parent.put(name, new BigDecimal("12.000"));
            case 6 -> parent.putObject("notes").put("total", 99);
            case 7 -> parent.put("unknownKey", 5);
            case 8 -> {
                ArrayNode array = parent.putArray(name);
                array.add(1);
            }
            default -> parent.set(name, NODES.objectNode().put("total", 4));
        }
    }

    private static void collect(ObjectNode node, List<ObjectNode> parents, List<String> names) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isObject()) {
                collect((ObjectNode) f.getValue(), parents, names);
            } else if (f.getValue().isNumber()) {
                parents.add(node);
                names.add(f.getKey());
            }
        }
    }
}
