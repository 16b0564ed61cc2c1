package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revalidations answered before the resources (rest/EarlyRevalidation): the caller who may see the node gets its 304
 * there, with the headers the resource's 304 has; a caller who may not see the node is refused by the resource as
 * before, even with the matching tag; a feed position that moved gives the new answer.
 */
@QuarkusTest
class EarlyRevalidationTest {

    @Inject
    ReadModelWriter writer;

    @Inject
    MeterRegistry registry;

    private TestFeed feed;
    private TestFeed.Tree tree;
    private String cityViewer;

    @BeforeEach
    void givenACityWithAReport() {
        feed = new TestFeed(writer);
        tree = feed.newCity(1);
        feed.apply(feed.version(
                TestReports.varied(feed.newAgency(tree.counties().get(0), "department"), 2023, 3)
                        .build(),
                1,
                "2024-01-10T00:00:00Z"));
        cityViewer = TestTokens.bearer(TestTokens.token(Roles.VIEWER, tree.city(), "city-viewer"));
    }

    @Test
    void theRightCallersRevalidationIsAnsweredBeforeTheResources() {
        for (String query : StatsQueries.PATHS) {
            String tag = byChild(cityViewer)
                    .get("/api/v1/stats/" + query)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            double before = early();

            byChild(cityViewer)
                    .header("If-None-Match", tag)
                    .get("/api/v1/stats/" + query)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(tag))
                    .header("Vary", equalTo("Accept"))
                    .header("Cache-Control", equalTo("private, no-cache"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Request-Id", not(nullValue()));
            assertEquals(before + 1, early(), query + ": answered before the resources");
        }
        // the caller's own node by default: the same tag as when it is named
        String own = given().header("Authorization", cityViewer)
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        double before = early();
        given().header("Authorization", cityViewer)
                .queryParam("year", 2023)
                .header("If-None-Match", "W/" + own + ", \"other\"")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(own));
        assertEquals(before + 1, early());
    }

    @Test
    void aCallerWhoMayNotSeeTheNodeIsRefusedEvenWithTheMatchingTag() {
        String tag = byChild(cityViewer)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        double before = early();
        String otherCity = TestTokens.bearer(
                TestTokens.token(Roles.SUPERVISOR, TestFeed.newCityCode(), "supervisor-of-another-city"));
        String county =
                TestTokens.bearer(TestTokens.token(Roles.VIEWER, tree.counties().get(0), "county-viewer"));
        for (String refused : new String[] {otherCity, county}) {
            byChild(refused)
                    .header("If-None-Match", tag)
                    .get("/api/v1/stats/applications")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .header("ETag", nullValue());
        }
        String service = TestTokens.bearer(TestTokens.token(Roles.SERVICE, null, "a-service"));
        byChild(service)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(403)
                .header("ETag", nullValue());
        given().header("Authorization", "Bearer not-a-token")
                .queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(401)
                .header("ETag", nullValue());
        byChild(cityViewer)
                .queryParam("page", "x")
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(400);
        assertEquals(before, early(), "none answered before the resources");
    }

    @Test
    void aMovedFeedPositionGivesTheNewAnswer() {
        String tag = byChild(cityViewer)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        feed.apply(feed.version(
                TestReports.varied(feed.newAgency(tree.counties().get(0), "government"), 2023, 7)
                        .build(),
                1,
                "2024-01-12T00:00:00Z"));
        double before = early();
        String now = byChild(cityViewer)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(tag)))
                .extract()
                .header("ETag");
        assertEquals(before, early());
        byChild(cityViewer)
                .header("If-None-Match", now)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
        assertEquals(before + 1, early());
    }

    @Test
    void aKnownCallerIsAnsweredWithoutAuthenticatingAgainButNoOtherTokenIsTakenForIt() {
        String viewer = TestTokens.bearer(TestTokens.token(Roles.VIEWER, tree.city(), "known-viewer"));
        String tag = byChild(viewer)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        double known = knownCaller();
        byChild(viewer)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
        assertEquals(known, knownCaller(), "the first revalidation is authenticated");
        byChild(viewer)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag))
                .header("Vary", equalTo("Accept"))
                .header("Cache-Control", equalTo("private, no-cache"))
                .header("X-Request-Id", not(nullValue()));
        assertEquals(known + 1, knownCaller(), "the next is answered for the known caller");

        // one character of the signature changed: not the known text, so authenticated, and refused
        int at = viewer.length() - 10;
        String tampered = viewer.substring(0, at) + (viewer.charAt(at) == 'A' ? 'B' : 'A') + viewer.substring(at + 1);
        byChild(tampered)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(401)
                .header("ETag", nullValue());
        // the same role and node, another token: authenticated on its own, then known itself
        String sameRights = TestTokens.bearer(TestTokens.token(Roles.VIEWER, tree.city(), "another-viewer"));
        byChild(sameRights)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(304);
        assertEquals(known + 1, knownCaller());
        // an expired token is refused, whatever the cache holds
        String expired = TestTokens.bearer(TestTokens.expired(Roles.VIEWER, tree.city(), "known-viewer"));
        byChild(expired)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(401);
        // the known caller's rights are still checked: another city's node is refused
        given().header("Authorization", viewer)
                .queryParam("jurisdiction", TestFeed.newCityCode())
                .queryParam("year", 2023)
                .header("If-None-Match", tag)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(403)
                .header("ETag", nullValue());
        assertEquals(known + 1, knownCaller());
    }

    private RequestSpecification byChild(String token) {
        return given().header("Authorization", token)
                .queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child");
    }

    private double early() {
        return registry.counter("ogi.stats.revalidated.early").count();
    }

    private double knownCaller() {
        return registry.counter("ogi.stats.revalidated.known.caller").count();
    }

    /** The six queries that revalidate. */
    private static final class StatsQueries {
        static final String[] PATHS = {"applications", "outcomes", "reviews", "fees", "completeness", "quality"};
    }
}
