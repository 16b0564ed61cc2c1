package cn.ogi.stats;

import static io.restassured.RestAssured.given;

import cn.ogi.stats.model.ReadModelWriter;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.AuthorizationMatrix;
import cn.ogi.web.testing.AuthorizationMatrix.Endpoint;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may read what on stats-service: every query × role × subtree × credential. */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Two cities of their own, so that codes do not collide with the other tests' cities. */
    static final String OWN = "379900";

    static final String OWN_COUNTY = "379901";
    static final String OTHER = "379800";
    static final Set<String> READERS = Set.of(Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN);
    private static boolean prepared;

    @Inject
    ReadModelWriter writer;

    @BeforeEach
    void registerTheCities() {
        if (prepared) {
            return;
        }
        TestFeed feed = new TestFeed(writer);
        feed.add(feed.jurisdiction(TestFeed.PROVINCE, "山东省", "province", null));
        feed.add(feed.jurisdiction(OWN, "矩阵市", "city", TestFeed.PROVINCE));
        feed.add(feed.jurisdiction(OWN_COUNTY, "矩阵县", "county", OWN));
        feed.add(feed.jurisdiction(OTHER, "他市", "city", TestFeed.PROVINCE));
        feed.flush();
        prepared = true;
    }

    static Stream<Arguments> cases() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String query : List.of("applications", "outcomes", "reviews", "fees", "completeness", "quality")) {
            endpoints.add(new Endpoint(
                    query,
                    "GET",
                    "/api/v1/stats/" + query + "?year=2023&jurisdiction=" + OWN,
                    r -> r,
                    READERS,
                    true,
                    Set.of(200)));
        }
        endpoints.add(new Endpoint("freshness", "GET", "/api/v1/stats/freshness", r -> r, READERS, false, Set.of(200)));
        endpoints.add(new Endpoint("metrics", "GET", "/api/v1/stats/metrics", r -> r, READERS, false, Set.of(200)));
        endpoints.add(new Endpoint(
                "editions",
                "GET",
                "/api/v1/editions/2021",
                r -> r,
                Set.of(Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN, Roles.SUBMITTER, Roles.SERVICE),
                false,
                Set.of(200)));
        endpoints.add(new Endpoint(
                "rebuild", "POST", "/api/v1/stats/rebuild", r -> r, Set.of(Roles.ADMIN), false, Set.of(200)));
        endpoints.add(new Endpoint(
                "audit trail",
                "GET",
                "/api/v1/audit",
                r -> r,
                Set.of(Roles.ADMIN, Roles.SUPERVISOR),
                false,
                Set.of(200)));
        return AuthorizationMatrix.cases(endpoints);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachCallerAsItsRolesAndJurisdictionAllow(AuthorizationMatrix.Case c) {
        AuthorizationMatrix.check(c, OWN, OTHER);
    }

    @Test
    void aCountySupervisorIsRefusedTheProvinceNodeAndDefaultsToItsCounty() {
        String county = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, OWN_COUNTY, "county-supervisor"));

        given().header("Authorization", county)
                .queryParam("jurisdiction", TestFeed.PROVINCE)
                .queryParam("year", 2023)
                .queryParam("groupBy", "child")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", county)
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .body("jurisdiction", org.hamcrest.Matchers.equalTo(OWN_COUNTY));
    }
}
