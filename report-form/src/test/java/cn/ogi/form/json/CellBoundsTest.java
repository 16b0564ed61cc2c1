package cn.ogi.form.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.TestReports;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.ValueRange;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-cell bounds of the edition files: a number outside them never becomes a cell value. */
class CellBoundsTest {

    private final ReportJson json = ReportJson.standard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e309",
                "99999999999999999999999",
                "100000001",
                "-1",
                "1E+999999999",
                "-1e309",
                "123456789012345678901234567890123456789012345678901234567890"
            })
    void aCountOutsideItsBoundsIsAValueRangeFindingNamingTheCell(String number) {
        String body = withCell("\"granted\":{\"naturalPerson\":5", "\"granted\":{\"naturalPerson\":" + number);

        ReadResult read = json.read(body, ReadMode.PUSH);

        assertEquals(
                List.of("VALUE-RANGE applications.granted.naturalPerson"), codes(read), () -> read.problems() + "");
        assertFalse(read.report().cells().has("applications.granted.naturalPerson"), "the value is never accepted");
        assertTrue(read.problems().get(0).message().length() < 300, "the message stays short");
    }

    @ParameterizedTest
    @CsvSource({
        "activeDisclosure.administrativeFees.amountWan, 1.23456, VALUE-RANGE",
        "activeDisclosure.administrativeFees.amountWan, 1.2345, ",
        "processingFees.amountYuan, 10.005, VALUE-RANGE",
        "processingFees.amountYuan, 10.05, ",
        "activeDisclosure.administrativeFees.amountWan, 100000000.0001, VALUE-RANGE",
        "applications.granted.naturalPerson, 0.1, SCHEMA-TYPE",
    })
    void moneyHasAScaleAndCountsAreWhole(String cell, String number, String expected) {
        ObjectNode node = json.write(TestReports.balanced("2021").build());
        String[] path = cell.split("\\.", -1);
        ObjectNode parent = node;
        for (int i = 0; i < path.length - 1; i++) {
            parent = (ObjectNode) parent.with(path[i]);
        }
        parent.put(path[path.length - 1], new BigDecimal(number));

        ReadResult read = json.read(node, ReadMode.PUSH);

        List<String> codes = read.problems().stream()
                .filter(f -> !f.rule().startsWith("SCHEMA-MISSING"))
                .map(f -> f.rule() + " " + String.join(",", f.cells()))
                .toList();
        assertEquals(expected == null ? List.of() : List.of(expected + " " + cell), codes);
    }

    @ParameterizedTest
    @ValueSource(ints = {-100000001, 100000001})
    void signedCountsAreBoundedToo(int change) {
        var report = ReportBuilder.blank("2019", 2020)
                .cell("activeDisclosure.licensing.change", change)
                .build();

        List<Finding> findings = ValueRange.check(Editions.standard().get("2019"), report.cells());

        assertEquals(
                List.of("activeDisclosure.licensing.change"), findings.get(0).cells());
        assertEquals(ValueRange.CODE, findings.get(0).rule());
    }

    @ParameterizedTest
    @CsvSource({"agencyName, 201", "correctionReason, 2001"})
    void overlongTextsAreRefused(String field, int length) {
        ObjectNode node = json.write(TestReports.balanced("2021").build());
        node.put(field, "名".repeat(length));

        ReadResult read = json.read(node, ReadMode.PUSH);

        assertEquals(List.of("SCHEMA-LENGTH " + field), codes(read));
    }

    private String withCell(String find, String replace) {
        String body = json.write(TestReports.balanced("2021").build()).toString();
        assertTrue(body.contains(find), body);
        return body.replace(find, replace);
    }

    private static List<String> codes(ReadResult read) {
        return read.problems().stream()
                .map(f -> f.rule() + " " + String.join(",", f.cells()))
                .toList();
    }
}
