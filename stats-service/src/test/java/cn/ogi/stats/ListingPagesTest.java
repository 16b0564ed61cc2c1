package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The missing and late lists come a page at a time, by code then year, with their totals. */
@QuarkusTest
class ListingPagesTest {

    @Inject
    ReadModelWriter writer;

    @Test
    void pagesOfTheMissingAndLateListsAddUpToTheWholeListInCodeThenYearOrder() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(2);
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agencies.add(feed.newAgency(tree.counties().get(i % 2), "department"));
        }
        // one late report per agency in 2022, none in 2023: every agency missing 2023
        for (String agency : agencies) {
            feed.apply(feed.version(TestReports.varied(agency, 2022, 3).build(), 1, "2023-03-01T10:00:00+08:00"));
        }
        List<String> wholeMissing = new ArrayList<>();
        List<String> wholeLate = new ArrayList<>();
        agencies.stream().sorted().forEach(a -> {
            wholeLate.add(a + "/2022");
            wholeMissing.add(a + "/2023");
        });

        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode result = Json.read(given().queryParam("jurisdiction", tree.city())
                    .queryParam("from", 2022)
                    .queryParam("to", 2023)
                    .queryParam("page", page)
                    .queryParam("size", 2)
                    .get("/api/v1/stats/completeness")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertEquals(5, result.get("missingTotal").asInt());
            assertEquals(5, result.get("lateTotal").asInt());
            assertEquals(5, result.get("total").get("missing").asInt(), "the count and the list agree");
            assertEquals(page < 2 ? 2 : 1, result.get("missing").size());
            result.get("missing")
                    .forEach(i -> missing.add(
                            i.get("code").asText() + "/" + i.get("year").asInt()));
            result.get("late")
                    .forEach(i -> late.add(
                            i.get("code").asText() + "/" + i.get("year").asInt()));
        }
        assertEquals(wholeMissing, missing);
        assertEquals(wholeLate, late);
    }
}
