package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With tracing off, as in production by default (the other tests run with the SDK on): versions, single and
 * batched, are stored, no span is made and their events carry no traceparent: neither a request's header nor a batch
 * item's is read, and none is made up (Quarkus' tracer would still make span ids: {@code Spans} does not use it).
 */
@QuarkusTest
@TestProfile(TracingOffTest.SdkOff.class)
class TracingOffTest {

    public static class SdkOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the %test value in application.properties turns it on: the profile's own key is overridden here too
            return Map.of("quarkus.otel.sdk.disabled", "true", "%test.quarkus.otel.sdk.disabled", "true");
        }
    }

    @Test
    void versionsAreStoredAndTheirEventsCarryOnlyTheCallersTraceparent() {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371502");
        long after = given().queryParam("limit", 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("latestSeq");

        String caller = TracingTest.newTraceparent();
        String itemCaller = TracingTest.newTraceparent();
        given().contentType(ContentType.JSON)
                .header("Delivery-Key", java.util.UUID.randomUUID().toString())
                .header("traceparent", caller)
                .body(TestReports.delivery(
                        TestReports.balanced2021(agency, 2023).build()))
                .post("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(201);
        Map<String, Object> item =
                DeliveryBatchTest.item(TestReports.balanced2021(agency, 2022).build());
        item.put("traceparent", itemCaller);
        DeliveryBatchTest.deliverAll(List.of(
                        item,
                        DeliveryBatchTest.item(
                                TestReports.balanced2021(agency, 2021).build())))
                .statusCode(200);

        JsonPath page = given().queryParam("after", after)
                .queryParam("types", "report.version.created")
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(agency + "/2023", agency + "/2022", agency + "/2021"),
                page.getList("events.key", String.class));
        assertNull(page.get("events[0].traceparent"), "the header is not read with tracing off");
        assertNull(page.get("events[1].traceparent"), "nor the item's");
        assertNull(page.get("events[2].traceparent"), "none sent, none made up");
    }
}
