package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A version delivered as imported history keeps the mark, shows it, and its change event carries it to stats. */
@QuarkusTest
class ImportedHistoryTest {

    @Test
    void theMarkIsStoredShownAuditedAndCarriedByTheChangeEvent() {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371502");
        AnnualReport report = TestReports.balanced2021(agency, 2023).build();
        Map<String, Object> body = TestReports.delivery(report);
        body.put("importedHistory", true);
        long before = latestSeq();

        given().contentType(ContentType.JSON)
                .header("Delivery-Key", UUID.randomUUID().toString())
                .body(body)
                .post("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(201);

        given().get("/api/v1/reports/" + agency + "/2023/versions/1")
                .then()
                .statusCode(200)
                .body("importedHistory", equalTo(true));
        List<Map<String, Object>> events = given().queryParam("after", before)
                .queryParam("limit", 1000)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("events");
        Map<String, Object> created = events.stream()
                .filter(e -> e.get("key").equals(agency + "/2023"))
                .findFirst()
                .orElseThrow();
        assertEquals(true, ((Map<?, ?>) created.get("payload")).get("importedHistory"));
        given().queryParam("targetKey", agency + "/2023/v1")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].detail.importedHistory", equalTo(true));
    }

    @Test
    void aVersionDeliveredWithoutTheMarkIsNotImportedHistory() {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371502");
        TestReports.deliver(TestReports.balanced2021(agency, 2022).build()).statusCode(201);

        JsonPath version = given().get("/api/v1/reports/" + agency + "/2022/versions/1")
                .then()
                .statusCode(200)
                .body("importedHistory", nullValue())
                .extract()
                .jsonPath();
        assertTrue(version.getMap("").containsKey("report"));
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
