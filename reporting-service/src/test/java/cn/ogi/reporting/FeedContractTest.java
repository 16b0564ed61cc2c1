package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.ogi.feed.ChangeType;
import cn.ogi.feed.ContractExamples;
import cn.ogi.feed.JsonShape;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The producer's side of the feed contract (feed-contract/README.md): reporting-service, through its public API and
 * its database, makes an event of every type, and what {@code GET /api/v1/changes} serves has exactly the fields and
 * JSON types of the contract's examples — no field the examples lack, none of another type, and every field of the
 * examples sent at least once. The consumers' contract tests (stats-service, intake-service) feed the same examples
 * to their real consumer code, so that a shape changed on one side only fails one of them.
 */
@QuarkusTest
class FeedContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventTypeIsServedWithTheFieldsAndTypesOfTheContractsExample() throws Exception {
        TestRegistry.ensureLiaocheng();
        long before = latestSeq();
        TestRegistry.putJurisdiction("371521", "阳谷县" + System.nanoTime() % 1000, "371500");
        String agency = TestRegistry.newAgencyCode("371502");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "东昌府区市场监督管理局",
                        "kind", "department",
                        "jurisdiction", "371502",
                        "reportsFrom", 2019,
                        "reportsUntil", 2030))
                .put("/api/v1/agencies/" + agency)
                .then()
                .statusCode(201);
        TestReports.deliver(TestReports.balanced2021(agency, 2021).build()).statusCode(201);
        // carried over differs from 2021's carried forward: a CARRY-CHAIN warning among the findings
        AnnualReport year2022 = ReportBuilder.blank("2021", 2022)
                .agencyCode(agency)
                .applications("carriedOver", "naturalPerson", 5)
                .applications("granted", "naturalPerson", 5)
                .withComputedTotals()
                .build();
        Map<String, Object> imported = TestReports.delivery(
                year2022, "2022 年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        imported.put("importedHistory", true);
        TestReports.deliver(imported, agency, 2022).statusCode(201);
        TestReports.deliver(ReportBuilder.from(year2022)
                        .correctionReason("表三合计更正")
                        .cell("activeDisclosure.licensing.decisions", 7)
                        .build())
                .statusCode(201);
        post("/api/v1/reports/" + agency + "/2022/approval", "数据核对无误");
        post("/api/v1/reports/" + agency + "/2022/reopen", "表二需复核");

        Map<ChangeType, List<JsonNode>> served = new LinkedHashMap<>();
        for (JsonNode event : JSON.readTree(given().queryParam("after", before)
                        .queryParam("limit", 1000)
                        .get("/api/v1/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("events")) {
            ChangeType type = ChangeType.ofWireName(event.get("type").asText())
                    .orElseThrow(() -> new AssertionError("a type the contract does not know: " + event));
            served.computeIfAbsent(type, t -> new ArrayList<>()).add(event);
        }

        assertEquals(Set.of(ChangeType.values()), served.keySet(), "an event of every type was made");
        served.forEach((type, events) -> {
            JsonNode example = ContractExamples.event(type);
            for (JsonNode event : events) {
                assertEquals(List.of(), JsonShape.differences(example, event), type.wireName() + ": " + event);
            }
            assertEquals(Set.of(), JsonShape.unseen(example, events), type.wireName() + ": fields never sent");
        });
        JsonNode page = JSON.readTree(given().queryParam("after", before)
                .queryParam("limit", 1)
                .get("/api/v1/changes")
                .asString());
        assertEquals(List.of(), JsonShape.differences(ContractExamples.page(), page));
        assertFalse(page.get("events").isEmpty());
    }

    private static void post(String path, String reason) {
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .post(path)
                .then()
                .statusCode(200);
    }

    private static long latestSeq() {
        return given().queryParam("after", 0)
                .queryParam("limit", 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("latestSeq");
    }
}
