package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.ogi.stats.model.ReadModelWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ETags, conditional GETs, the response envelope and refusals as problem+json naming the parameter. */
@QuarkusTest
class QueryProtocolTest {

    @Inject
    ReadModelWriter writer;

    @Test
    void answersCarryAnEtagAndIfNoneMatchGives304UntilTheFeedMoves() {
        TestFeed feed = new TestFeed(writer);
        TestFeed.Tree tree = feed.newCity(1);
        feed.apply(feed.version(
                TestReports.varied(feed.newAgency(tree.city(), "government"), 2023, 1)
                        .build(),
                1,
                "2024-01-01T00:00:00Z"));
        String etag = given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .body("jurisdiction", equalTo(tree.city()))
                .body("year", equalTo(2023))
                .body("asOfSeq", equalTo((int) writer.cursor()))
                .body("total.newReceived", notNullValue())
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");

        given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .header("If-None-Match", etag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
        String csvTag = given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .accept("text/csv")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(etag, csvTag, "each representation has its own tag");
        given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .accept("text/csv")
                .header("If-None-Match", csvTag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
        given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .header("If-None-Match", etag)
                .get("/api/v1/stats/outcomes")
                .then()
                .statusCode(200);
        for (String query : List.of("completeness", "quality")) {
            String tag = given().queryParam("jurisdiction", tree.city())
                    .queryParam("year", 2023)
                    .get("/api/v1/stats/" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            given().queryParam("jurisdiction", tree.city())
                    .queryParam("year", 2023)
                    .header("If-None-Match", tag)
                    .get("/api/v1/stats/" + query)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(tag));
        }

        feed.newAgency(tree.city(), "department");
        given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .header("If-None-Match", etag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void withoutJurisdictionTheProvinceRootIsAnswered() {
        new TestFeed(writer).newCity(0);
        given().queryParam("from", 2022)
                .queryParam("to", 2023)
                .get("/api/v1/stats/outcomes")
                .then()
                .statusCode(200)
                .body("jurisdiction", equalTo(TestFeed.PROVINCE))
                .body("from", equalTo(2022))
                .body("to", equalTo(2023))
                .body("total", notNullValue())
                .body("total.disclosureRate", org.hamcrest.Matchers.anything());
    }

    @ParameterizedTest(name = "{0}?{1} names {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "applications | year=abc | year",
                "applications | year=1999 | year",
                "applications | from=2020 | to",
                "applications | to=2020 | from",
                "applications | from=2023&to=2020 | from",
                "applications | from=2000&to=2030 | to",
                "applications | year=2023&from=2022&to=2023 | year",
                "applications | jurisdiction=3715 | jurisdiction",
                "applications | year=2023&groupBy=district | groupBy",
                "reviews | year=2023&groupBy=applicantType | groupBy",
                "fees | year=2023&groupBy=applicantType | groupBy",
                "completeness | year=2023&groupBy=agency | groupBy",
                "quality | year=2023&size=100000 | size",
                "outcomes | jurisdiction=370000 | year"
            })
    void refusesBadParametersWithAProblemNamingTheParameter(String query, String parameters, String named) {
        given().get("/api/v1/stats/" + query + "?" + parameters)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("invalid-parameters"))
                .body("detail", containsString("'" + named + "'"));
    }

    @Test
    void theErrorsOfARefusalNameTheParameterField() {
        given().get("/api/v1/stats/fees?year=2023&groupBy=applicantType")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("groupBy"));
    }

    @Test
    void theOpenApiDocumentDescribesTheQueriesAndTheirResultShape() {
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/stats/applications"))
                .body(containsString("/api/v1/stats/rebuild"))
                .body(containsString("StatsResult"))
                .body(containsString("asOfSeq"));
    }

    @Test
    void anUnknownJurisdictionIsANotFoundProblem() {
        given().queryParam("jurisdiction", "659999")
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("659999"));
    }

    @Test
    void aCodeOfNoProvinceIsABadParameter() {
        given().queryParam("jurisdiction", "999999")
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("jurisdiction"));
    }

    @Test
    void freshnessReportsTheCursorAndTheLag() {
        TestFeed feed = new TestFeed(writer);
        feed.newCity(0);
        writer.apply(java.util.List.of(), writer.cursor() + 5);
        var body = given().get("/api/v1/stats/freshness")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .jsonPath();
        assertEquals(writer.cursor(), body.getLong("lastAppliedSeq"));
        assertEquals(writer.cursor(), body.getLong("asOfSeq"));
        assertEquals(5, body.getLong("lag"));
        assertEquals("lastPage", body.getString("latestSeqSource"));
    }
}
