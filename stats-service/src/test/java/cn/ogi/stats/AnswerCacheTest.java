package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.stats.query.AggregateQueries;
import cn.ogi.stats.query.GroupBy;
import cn.ogi.stats.query.Metrics;
import cn.ogi.stats.query.StatsQuery;
import cn.ogi.web.Paging;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept answers (stats.answer-cache): the same question at the same position is answered with the bytes of a
 * fresh computation; never after the model moved; never to a caller outside the node's jurisdiction; CSV and XLSX
 * are kept as what they are.
 */
@QuarkusTest
class AnswerCacheTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReadModelWriter writer;

    @Inject
    AggregateQueries aggregates;

    @Inject
    ObjectMapper mapper;

    private TestFeed feed;
    private TestFeed.Tree tree;

    @BeforeEach
    void givenACityWithAReport() {
        feed = new TestFeed(writer);
        tree = feed.newCity(1);
        feed.apply(feed.version(
                TestReports.varied(feed.newAgency(tree.counties().get(0), "department"), 2023, 5)
                        .build(),
                1,
                "2024-01-10T00:00:00Z"));
    }

    @Test
    void aKeptAnswerIsTheFreshAnswerByteForByte() throws Exception {
        ExtractableResponse<Response> first = byChild(null);
        ExtractableResponse<Response> second = byChild(null);

        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.contentType(), second.contentType());
        assertEquals(first.header("Vary"), second.header("Vary"));
        String fresh = mapper.writeValueAsString(aggregates.aggregate(
                Metrics.APPLICATIONS,
                new StatsQuery(tree.city(), 2023, 2023, true, GroupBy.CHILD, Paging.of((Integer) null, null))));
        assertEquals(Json.read(fresh), Json.read(second.asString()), "what a fresh computation gives");
        assertEquals(fresh, second.asString());

        given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .header("If-None-Match", second.header("ETag"))
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
    }

    @Test
    void afterAFeedEventTheSameQuestionGetsTheNewNumber() {
        ExtractableResponse<Response> before = byChild(null);
        BigDecimal received = Json.number(Json.read(before.asString()).get("total"), "newReceived");

        String agency = feed.newAgency(tree.counties().get(0), "government");
        feed.apply(feed.version(TestReports.varied(agency, 2023, 9).build(), 1, "2024-01-12T00:00:00Z"));
        JsonNode added =
                Json.read(given().queryParam("jurisdiction", tree.counties().get(0))
                        .queryParam("year", 2023)
                        .queryParam("groupBy", "agency")
                        .get("/api/v1/stats/applications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        BigDecimal ofTheNewAgency = Json.number(Json.row(added, agency), "newReceived");
        assertTrue(ofTheNewAgency.signum() > 0, "the new report adds applications");

        ExtractableResponse<Response> after = byChild(null);
        JsonNode answer = Json.read(after.asString());
        assertEquals(writer.cursor(), answer.get("asOfSeq").asLong());
        assertEquals(received.add(ofTheNewAgency), Json.number(answer.get("total"), "newReceived"));
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .header("If-None-Match", before.header("ETag"))
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200);
    }

    @Test
    void aKeptAnswerIsNotServedOutsideTheCallersJurisdiction() {
        byChild(null);
        byChild(null); // kept now
        String elsewhere = TestTokens.bearer(
                TestTokens.token(Roles.SUPERVISOR, TestFeed.newCityCode(), "supervisor-of-another-city"));
        given().header("Authorization", elsewhere)
                .queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String county =
                TestTokens.bearer(TestTokens.token(Roles.VIEWER, tree.counties().get(0), "county-viewer"));
        given().header("Authorization", county)
                .queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(403);
        String own = TestTokens.bearer(TestTokens.token(Roles.VIEWER, tree.city(), "city-viewer"));
        given().header("Authorization", own)
                .queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200);
    }

    @Test
    void csvAndXlsxAreKeptAsTheirOwnRepresentations() throws Exception {
        ExtractableResponse<Response> json = byChild(null);
        ExtractableResponse<Response> csv = byChild("text/csv");
        ExtractableResponse<Response> csvAgain = byChild("text/csv");
        assertArrayEquals(csv.asByteArray(), csvAgain.asByteArray());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals(csv.header("Content-Disposition"), csvAgain.header("Content-Disposition"));
        assertTrue(csvAgain.header("Content-Disposition").endsWith(".csv\""));
        assertNotEquals(json.header("ETag"), csv.header("ETag"));
        String text = new String(csvAgain.asByteArray(), StandardCharsets.UTF_8);
        String total = Json.number(Json.read(json.asString()).get("total"), "newReceived")
                .toPlainString();
        assertTrue(text.contains("total") && text.contains(total), text);

        ExtractableResponse<Response> xlsx = byChild(XLSX);
        ExtractableResponse<Response> xlsxAgain = byChild(XLSX);
        assertArrayEquals(xlsx.asByteArray(), xlsxAgain.asByteArray());
        assertEquals(XLSX, xlsxAgain.contentType());
        assertTrue(xlsxAgain.header("Content-Disposition").endsWith(".xlsx\""));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxAgain.asByteArray()))) {
            assertEquals(
                    Json.read(json.asString()).get("rows").size() + 3,
                    workbook.getSheetAt(0).getPhysicalNumberOfRows());
        }
        assertEquals(json.asString(), byChild(null).asString(), "JSON still JSON after the exports were kept");
    }

    private ExtractableResponse<Response> byChild(String accept) {
        var request = given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child");
        if (accept != null) {
            request.accept(accept);
        }
        return request.get("/api/v1/stats/applications").then().statusCode(200).extract();
    }
}
