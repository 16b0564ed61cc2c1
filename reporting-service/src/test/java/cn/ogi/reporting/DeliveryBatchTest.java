package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/deliveries: many versions in one call and one transaction, each answered as the single endpoint
 * would answer it, a refused one storing nothing and keeping the others.
 */
@QuarkusTest
class DeliveryBatchTest {

    @Inject
    AgroalDataSource dataSource;

    String agency;

    @BeforeEach
    void registerAgency() {
        TestRegistry.ensureLiaocheng();
        agency = TestRegistry.newAgency("371502");
    }

    /** One item of a batch: the single endpoint's Delivery-Key, path, If-Match and body. */
    static Map<String, Object> item(AnnualReport report, String deliveryKey, String ifMatch) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("deliveryKey", deliveryKey);
        item.put("agencyCode", report.agencyCode());
        item.put("year", report.year());
        if (ifMatch != null) {
            item.put("ifMatch", ifMatch);
        }
        item.put("submission", TestReports.delivery(report));
        return item;
    }

    static Map<String, Object> item(AnnualReport report) {
        return item(report, UUID.randomUUID().toString(), null);
    }

    static ValidatableResponse deliverAll(List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("deliveries", items))
                .post("/api/v1/deliveries")
                .then();
    }

    @Test
    void eachDeliveryOfABatchGetsTheOutcomeTheSingleEndpointWouldGive() {
        ReportBuilder existing = TestReports.balanced2021(agency, 2021);
        TestReports.deliver(existing.build()).statusCode(201);
        String lockedAgency = TestRegistry.newAgency("371502");
        ReportBuilder locked = TestReports.balanced2021(lockedAgency, 2023);
        TestReports.deliver(locked.build()).statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "checked"))
                .post("/api/v1/reports/" + lockedAgency + "/2023/approval")
                .then()
                .statusCode(200);
        ReportBuilder first = TestReports.balanced2021(agency, 2023);
        String unknownAgency = TestRegistry.newAgencyCode("371502");

        List<Map<String, Object>> items = List.of(
                item(first.build()),
                // its correction in the same batch: written after it, so version 2
                item(ReportBuilder.from(first.build())
                        .correctionReason("recounted")
                        .cell("activeDisclosure.licensing.decisions", 4)
                        .build()),
                item(existing.build()),
                item(ReportBuilder.from(locked.build())
                        .correctionReason("too late")
                        .cell("activeDisclosure.licensing.decisions", 4)
                        .build()),
                item(ReportBuilder.from(existing.build())
                        .cell("activeDisclosure.licensing.decisions", 5)
                        .build()),
                item(TestReports.balanced2021(unknownAgency, 2023).build()),
                item(TestReports.balanced2021(agency, 2024).build(), "", null),
                item(
                        TestReports.balanced2021(agency, 2022).build(),
                        UUID.randomUUID().toString(),
                        "\"3\""),
                item(TestReports.balanced2021(agency, 2020).build()));

        deliverAll(items)
                .statusCode(200)
                .body(
                        "results.outcome",
                        contains(
                                "created",
                                "created",
                                "unchanged",
                                "locked",
                                "refused",
                                "refused",
                                "refused",
                                "refused",
                                "created"))
                .body("results.status", contains(201, 201, 200, 409, 422, 422, 400, 412, 201))
                .body("results[0].receipt.version", is(1))
                .body("results[1].receipt.version", is(2))
                .body("results[1].location", endsWith("/api/v1/reports/" + agency + "/2023/versions/2"))
                .body("results[2].receipt.unchanged", is(true))
                .body("results[2].receipt.version", is(1))
                .body("results[3].problem.type", endsWith("/report-locked"))
                .body("results[3].problem.instance", equalTo("/api/v1/reports/" + lockedAgency + "/2023/versions"))
                .body("results[4].problem.type", endsWith("/correction-reason-required"))
                .body("results[4].problem.currentVersion", is(1))
                .body("results[5].problem.type", endsWith("/unknown-agency"))
                .body("results[6].problem.type", endsWith("/delivery-key-required"))
                .body("results[7].problem.type", endsWith("/version-mismatch"))
                .body("results[7].problem.currentVersion", is(0))
                .body("results[7].receipt", nullValue())
                .body("summary.deliveries", is(9))
                .body("summary.created", is(3))
                .body("summary.unchanged", is(1))
                .body("summary.locked", is(1))
                .body("summary.refused", is(4));

        given().get("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(200)
                .body("version", contains(1, 2))
                .body("correctionReason", contains(null, "recounted"));
        given().get("/api/v1/reports/" + lockedAgency + "/2023").then().body("version", is(1));
        given().get("/api/v1/reports/" + agency + "/2021/versions").then().body("version", contains(1));
        // the refused deliveries stored nothing, not even an empty report row
        given().get("/api/v1/reports/" + agency + "/2022").then().statusCode(404);
        given().get("/api/v1/reports/" + agency + "/2024").then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM report WHERE latest_version = 0"));
        assertEquals(
                0, count("SELECT count(*) FROM report WHERE agency_code = '" + agency + "' AND year IN (2022, 2024)"));
        given().get("/api/v1/reports/" + agency + "/2020")
                .then()
                .statusCode(200)
                .body("version", is(1));
    }

    @Test
    void theEventsOfABatchAreConsecutiveInTheBatchsOrderAndCrossYearRulesSeeEarlierItems() {
        long before = latestSeq();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int year = 2021; year <= 2023; year++) {
            items.add(item(TestReports.balanced2021(agency, year).build()));
        }
        // 2024 carries over 5 while 2023 (earlier in this batch) carried forward 0: the cross-year rule sees it
        items.add(item(ReportBuilder.blank("2021", 2024)
                .agencyCode(agency)
                .applications("carriedOver", "naturalPerson", 5)
                .applications("granted", "naturalPerson", 5)
                .withComputedTotals()
                .build()));

        deliverAll(items)
                .statusCode(200)
                .body("summary.created", is(4))
                .body("results[3].receipt.findings.rule", org.hamcrest.Matchers.hasItem("CARRY-CHAIN"));

        List<ChangeFeedReplay.Event> events = ChangeFeedReplay.readAll().stream()
                .filter(e -> e.seq() > before && e.key().startsWith(agency + "/"))
                .toList();
        assertEquals(
                List.of(agency + "/2021", agency + "/2022", agency + "/2023", agency + "/2024"),
                events.stream().map(ChangeFeedReplay.Event::key).toList());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).seq() + 1, events.get(i).seq(), "one batch, consecutive seqs");
        }
    }

    /**
     * What an earlier item of the batch made is seen by the later ones, although the batch reads the database once
     * and writes its rows at the end: its key (replayed), its version as the latest (unchanged, a correction made
     * version 2), and each stored item has its own audit row with its submitter.
     */
    @Test
    void laterItemsOfABatchSeeWhatEarlierItemsMadeBeforeAnyOfItIsWritten() {
        AnnualReport first = TestReports.balanced2021(agency, 2022).build();
        String key = UUID.randomUUID().toString();
        String unchangedKey = UUID.randomUUID().toString();
        String correctionKey = UUID.randomUUID().toString();
        Map<String, Object> unchanged = item(
                ReportBuilder.from(first).correctionReason("only explained").build(), unchangedKey, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> submission = (Map<String, Object>) unchanged.get("submission");
        submission.put("submittedBy", "second-submitter");
        List<Map<String, Object>> items = List.of(
                item(first, key, null),
                // the same key again in the same batch: its replay, not a second version
                item(first, key, null),
                unchanged,
                item(
                        ReportBuilder.from(first)
                                .correctionReason("recounted")
                                .cell("activeDisclosure.licensing.decisions", 4)
                                .build(),
                        correctionKey,
                        "\"1\""),
                // the key of the correction, now for another report: reused
                item(TestReports.balanced2021(agency, 2021).build(), correctionKey, null));

        deliverAll(items)
                .statusCode(200)
                .body("results.outcome", contains("created", "replayed", "unchanged", "created", "refused"))
                .body("results.status", contains(201, 200, 200, 201, 409))
                .body("results[1].receipt.version", is(1))
                .body("results[1].receipt.replayed", is(true))
                .body("results[2].receipt.version", is(1))
                .body("results[3].receipt.version", is(2))
                .body("results[4].problem.type", endsWith("/delivery-key-reused"));

        given().get("/api/v1/reports/" + agency + "/2022")
                .then()
                .statusCode(200)
                .body("version", is(2));
        assertEquals(
                3,
                count("SELECT count(*) FROM delivery WHERE delivery_key IN ('" + key + "', '" + unchangedKey + "', '"
                        + correctionKey + "')"));
        assertEquals(0, count("SELECT count(*) FROM report WHERE agency_code = '" + agency + "' AND year = 2021"));
        assertEquals(
                List.of(
                        "test-submitter report.version.created " + agency + "/2022/v1",
                        "second-submitter report.unchanged " + agency + "/2022/v1",
                        "test-submitter report.version.created " + agency + "/2022/v2"),
                texts("SELECT subject || ' ' || action || ' ' || target_key FROM audit_event WHERE target_key LIKE '"
                        + agency + "/%' ORDER BY id"));
    }

    @Test
    void theSameBatchTwiceIsReplayedWithTheSameVersionsAndNoNewEvents() {
        ReportBuilder report = TestReports.balanced2021(agency, 2023);
        List<Map<String, Object>> items = List.of(
                item(report.build()),
                item(ReportBuilder.from(report.build())
                        .correctionReason("recounted")
                        .cell("activeDisclosure.licensing.decisions", 4)
                        .build()),
                item(TestReports.balanced2021(agency, 2022).build()));
        deliverAll(items).statusCode(200).body("results.outcome", contains("created", "created", "created"));
        long seq = latestSeq();

        deliverAll(items)
                .statusCode(200)
                .body("results.outcome", contains("replayed", "replayed", "replayed"))
                .body("results.status", contains(200, 200, 200))
                .body("results.receipt.version", contains(1, 2, 1))
                .body("results.receipt.replayed", contains(true, true, true))
                .body("summary.replayed", is(3));
        // a key of the batch sent alone to the single endpoint: the same answer
        TestReports.deliver(report.build(), (String) items.get(0).get("deliveryKey"))
                .statusCode(200)
                .body("replayed", is(true))
                .body("version", is(1));

        assertEquals(seq, latestSeq(), "a replay appends nothing to the feed");
        given().get("/api/v1/reports/" + agency + "/2023/versions").then().body("version", contains(1, 2));
    }

    @Test
    void aBatchBeyondTheBoundIs413AndAnEmptyOneIs400() {
        List<Map<String, Object>> tooMany = new ArrayList<>(Collections.nCopies(501, Map.of()));
        deliverAll(tooMany)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("/batch-too-large"))
                .body("maxBatch", is(500))
                .body("detail", org.hamcrest.Matchers.containsString("reporting.delivery.max-batch"));
        deliverAll(List.of())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-batch"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-batch"));
    }

    @Test
    void onlyServicesAndAdminsMayDeliverBatches() {
        Map<String, Object> body = Map.of(
                "deliveries",
                List.of(item(TestReports.balanced2021(agency, 2023).build())));
        for (String role : List.of(Roles.SUPERVISOR, Roles.SUBMITTER, Roles.VIEWER)) {
            given().contentType(ContentType.JSON)
                    .header("Authorization", TestTokens.bearer(TestTokens.token(role, "371502", "someone")))
                    .body(body)
                    .post("/api/v1/deliveries")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer not-a-token")
                .body(body)
                .post("/api/v1/deliveries")
                .then()
                .statusCode(401);
        given().get("/api/v1/reports/" + agency + "/2023").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .header("Authorization", TestTokens.bearer(TestTokens.token(Roles.SERVICE, null, "intake-service")))
                .body(body)
                .post("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("results[0].outcome", equalTo("created"));
    }

    private long latestSeq() {
        return count("SELECT coalesce(max(seq), 0) FROM change_event");
    }

    private List<String> texts(String sql) {
        List<String> texts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
