package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code stats.deadline.basis=received} a stated publication date does not count: the day received does. */
@QuarkusTest
@TestProfile(CompletenessByReceiptTest.JudgedByReceipt.class)
class CompletenessByReceiptTest {

    public static class JudgedByReceipt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stats.deadline.basis", "received");
        }
    }

    @Inject
    ReadModelWriter writer;

    @Test
    void aReportPublishedInTimeButReceivedAfterTheDeadlineIsLate() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        String county = tree.counties().get(0);
        String collectedLater = feed.newAgency(county, "department");
        String receivedInTime = feed.newAgency(county, "department");
        feed.apply(
                feed.version(
                        TestReports.varied(collectedLater, 2023, 1)
                                .publishedOn(LocalDate.of(2024, 1, 15))
                                .build(),
                        1,
                        "2025-06-01T10:00:00+08:00"),
                feed.version(
                        TestReports.varied(receivedInTime, 2023, 2)
                                .publishedOn(LocalDate.of(2024, 1, 15))
                                .build(),
                        1,
                        "2024-01-31T23:59:00+08:00"));

        JsonNode result = Json.read(given().queryParam("jurisdiction", county)
                .queryParam("year", 2023)
                .get("/api/v1/stats/completeness")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertEquals(1, result.get("total").get("late").asInt());
        assertEquals(1, result.get("total").get("onTime").asInt());
        JsonNode late = result.get("late").get(0);
        assertEquals(collectedLater, late.get("code").asText());
        assertEquals("2024-01-15", late.get("publishedOn").asText());
        assertEquals("2025-06-01", late.get("filedOn").asText(), "the day received, not the stated date");
    }
}
