package cn.ogi.form.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.TestReports;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.Severity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private final ReportJson json = ReportJson.standard();

    private ObjectNode pushable() {
        return json.write(TestReports.balanced("2021").build());
    }

    @Test
    void pushModeListsEveryProblemAtOnce() {
        // given a report with four different mistakes
        ObjectNode node = pushable();
        node.put("agencyCode", "11140800558745230K");
        ((ObjectNode) node.with("applications").with("granted")).put("robots", 1);
        ((ObjectNode) node.with("reviews").with("reconsideration")).remove("total");
        ((ObjectNode) node.with("applications").with("newReceived")).put("research", "3");

        // when
        ReadResult result = json.read(node, ReadMode.PUSH);

        // then all four are reported, each pointing at its key
        assertEquals(
                Set.of(
                        "SCHEMA-AGENCY-CODE agencyCode",
                        "SCHEMA-UNKNOWN-KEY applications.granted.robots",
                        "SCHEMA-MISSING reviews.reconsideration.total",
                        "SCHEMA-TYPE applications.newReceived.research"),
                result.problems().stream()
                        .map(f -> f.rule() + " " + String.join(",", f.cells()))
                        .collect(Collectors.toSet()));
        assertEquals(4, result.problems().size());
        assertTrue(result.problems().stream().allMatch(f -> f.severity() == Severity.ERROR));
        assertTrue(message(result, "SCHEMA-AGENCY-CODE").contains("check character expected"));
    }

    @Test
    void pushModeRequiresAgencyCodeYearAndNonBlankCells() {
        ObjectNode node = pushable();
        node.remove("agencyCode");
        node.remove("year");
        ((ObjectNode) node.with("reviews").with("litigationDirect")).putNull("pending");

        ReadResult result = json.read(node, ReadMode.PUSH);

        assertEquals(
                List.of(List.of("year"), List.of("agencyCode"), List.of("reviews.litigationDirect.pending")),
                result.problems().stream().map(Finding::cells).toList());
        assertTrue(result.problems().stream().allMatch(f -> f.rule().equals("SCHEMA-MISSING")));
    }

    @Test
    void publishedModeAcceptsBlankCellsNoAgencyCodeAndFixtureAnnotations() {
        ObjectNode node = pushable();
        node.remove("agencyCode");
        ((ObjectNode) node.with("reviews").with("litigationDirect")).putNull("pending");
        node.put("notes", "read from page 4");
        node.putArray("findings");

        ReadResult result = json.read(node, ReadMode.PUBLISHED);

        assertEquals(List.of(), result.problems());
        assertTrue(result.report().cells().has("reviews.litigationDirect.pending"));
        assertTrue(result.report()
                .cells()
                .value("reviews.litigationDirect.pending")
                .isEmpty());
        assertEquals(
                List.of("SCHEMA-UNKNOWN-KEY", "SCHEMA-UNKNOWN-KEY"),
                json.read(node, ReadMode.PUSH).problems().stream()
                        .map(Finding::rule)
                        .filter(r -> r.startsWith("SCHEMA-UNKNOWN"))
                        .toList());
    }

    @Test
    void publishedModeStillChecksAnAgencyCodeThatIsGiven() {
        ObjectNode node = pushable();
        node.put("agencyCode", "1114080055874522");

        assertEquals(
                "agencyCode '1114080055874522' is not a valid 统一社会信用代码: must be 18 characters, got 16",
                message(json.read(node, ReadMode.PUBLISHED), "SCHEMA-AGENCY-CODE"));
    }

    @Test
    void fractionsInCountsAreTypeErrorsAndNegativeCountsAreOutOfRange() {
        ObjectNode node = pushable();
        ((ObjectNode) node.with("activeDisclosure").with("licensing")).put("decisions", 2.5);
        ((ObjectNode) node.with("activeDisclosure").with("punishment")).put("decisions", -4);
        ((ObjectNode) node.with("activeDisclosure").with("administrativeFees")).put("amountWan", 7730.28);

        ReadResult result = json.read(node, ReadMode.PUSH);

        assertEquals(
                List.of(
                        Finding.error("SCHEMA-TYPE", "activeDisclosure.licensing.decisions", ""),
                        Finding.error("VALUE-RANGE", "activeDisclosure.punishment.decisions", "")),
                result.problems().stream()
                        .map(f -> new Finding(f.rule(), f.severity(), f.cells(), ""))
                        .toList());
        assertEquals(
                new BigDecimal("7730.28"),
                result.report()
                        .cells()
                        .value("activeDisclosure.administrativeFees.amountWan")
                        .orElseThrow());
    }

    @Test
    void aStringWhereARowIsExpectedIsATypeError() {
        ObjectNode node = pushable();
        node.with("applications").put("carriedOver", "none");

        ReadResult result = json.read(node, ReadMode.PUSH);

        assertEquals(
                List.of("SCHEMA-TYPE applications.carriedOver"),
                result.problems().stream()
                        .map(f -> f.rule() + " " + f.cells().get(0))
                        .toList());
    }

    @Test
    void aNullSectionMeansAbsent() {
        ObjectNode node = pushable();
        node.putNull("processingFees");

        ReadResult result = json.read(node, ReadMode.PUSH);

        assertEquals(List.of(), result.problems());
        assertTrue(result.report().cells().keys().stream().noneMatch(k -> k.startsWith("processingFees")));
    }

    @Test
    void unusableInputGivesNoReport() {
        assertNull(json.read("[1, 2]", ReadMode.PUBLISHED).report());
        assertNull(json.read("{\"edition\": \"1999\"}", ReadMode.PUBLISHED).report());
        assertNull(json.read("{not json", ReadMode.PUSH).report());
    }

    @Test
    void anUnknownEditionIsDerivedFromTheYearAndReported() {
        ReadResult result = json.read("{\"year\": 2020, \"edition\": \"2020\"}", ReadMode.PUBLISHED);

        assertEquals("2019", result.report().edition());
        assertTrue(message(result, "SCHEMA-EDITION").contains("2020"));
    }

    @Test
    void aYearOutOfRangeIsReported() {
        ObjectNode node = pushable();
        node.put("year", 1999);

        assertEquals(
                List.of("year"),
                json.read(node, ReadMode.PUSH).problems().stream()
                        .filter(f -> f.rule().equals("SCHEMA-YEAR"))
                        .findFirst()
                        .orElseThrow()
                        .cells());
    }

    @Test
    void writeThenReadIsIdentity() {
        AnnualReport report = TestReports.balanced("2021")
                .correctionReason("typo in Table 3")
                .publishedOn(LocalDate.of(2024, 1, 31))
                .narrative(new Narrative("总体情况……", null, "未收取信息处理费"))
                .cell("processingFees.amountYuan", new BigDecimal("12.50"))
                .cell("processingFees.notices", (BigDecimal) null)
                .build();

        ReadResult result = json.read(json.canonicalString(report), ReadMode.PUSH);

        assertEquals(List.of(), result.problems());
        assertEquals(report, result.report());
    }

    @Test
    void canonicalJsonPutsIdentityFirstAndNestsDottedRows() {
        String canonical = json.canonicalString(TestReports.balanced("2021").build());

        assertTrue(
                canonical.startsWith("{\"agencyCode\":\"11140800558745220K\",\"agencyName\":\"测试局\","
                        + "\"year\":2023,\"edition\":\"2021\",\"activeDisclosure\":{\"rules\":{\"issued\":0,"),
                canonical);
        assertTrue(canonical.contains("\"withheld\":{\"stateSecret\":{\"naturalPerson\":1,"), canonical);
    }

    @Test
    void sha256IsStableAndChangesWithOneCell() {
        AnnualReport report = TestReports.balanced("2019").build();
        AnnualReport same = TestReports.balanced("2019").build();
        AnnualReport changed = ReportBuilder.from(report)
                .reviews("reconsideration", "other", 1)
                .build();

        assertEquals(json.sha256(report), json.sha256(same));
        assertEquals(64, json.sha256(report).length());
        assertNotEquals(json.sha256(report), json.sha256(changed));
    }

    private static String message(ReadResult result, String rule) {
        return result.problems().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow()
                .message();
    }
}
