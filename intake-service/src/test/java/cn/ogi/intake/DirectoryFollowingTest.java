package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The directory as it follows the registry feed ({@link FakeRegistryFeed} stands in for reporting-service): an agency
 * registered a moment ago is accepted at once (the request waits for one round of the follower); a change of an
 * agency reaches the memory and the durable copy; an agency the registry does not have is refused at once with a
 * hint; and while the feed is away an unknown agency is 503 {@code registry-unavailable}, a known one still accepted.
 */
@QuarkusTest
@TestProfile(DirectoryFollowingTest.FollowingTheFakeFeed.class)
class DirectoryFollowingTest {

    /** The follower on, every 300 ms, against the fake feed (started here: before Quarkus starts). */
    public static class FollowingTheFakeFeed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            FakeRegistryFeed.start();
            return Map.of(
                    "quarkus.rest-client.reporting.url", "http://localhost:" + FakeRegistryFeed.PORT,
                    "intake.directory.follow", "true",
                    "intake.directory.interval", "300ms",
                    "intake.directory.unknown-wait", "2s");
        }
    }

    @Inject
    TestAgencies agencies;

    @AfterEach
    void feedBack() {
        FakeRegistryFeed.down(false);
    }

    @AfterAll
    static void stopFeed() {
        FakeRegistryFeed.stop();
    }

    @Test
    void anAgencyRegisteredAMomentAgoIsAcceptedAtOnce() {
        String agency = TestAgencies.newCode("371502");
        FakeRegistryFeed.agencyUpserted(agency, "371502");

        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);
        assertEquals(
                1,
                agencies.count(
                        "SELECT count(*) FROM known_agency WHERE code = '" + agency + "' AND jurisdiction = '371502'"),
                "the durable copy holds it too");
        assertTrue(agencies.count("SELECT last_seq FROM directory_cursor") >= 1, "the cursor moved");
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'directory' }.data.following", equalTo(true))
                .body("checks.find { it.name == 'directory' }.data.lastCaughtUp", org.hamcrest.Matchers.not("not yet"));
    }

    @Test
    void aChangedAgencyIsFollowed() throws Exception {
        String agency = TestAgencies.newCode("371502");
        FakeRegistryFeed.agencyUpserted(agency, "371502");
        String cityToken = TestTokens.bearer(TestTokens.token("submitter", "371500", "liaocheng-system"));
        given().header("Authorization", cityToken)
                .contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(agency, 2022)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);

        FakeRegistryFeed.agencyUpserted(agency, "370102"); // moved to Jinan: outside Liaocheng's reach
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 403; attempt++) {
            Thread.sleep(100);
            status = given().header("Authorization", cityToken)
                    .contentType(ContentType.JSON)
                    .body(TestReports.json(TestReports.balanced(agency, 2023)))
                    .post("/api/v1/submissions")
                    .statusCode();
        }
        assertEquals(403, status, "the follower applied the move");
        assertEquals(
                1,
                agencies.count(
                        "SELECT count(*) FROM known_agency WHERE code = '" + agency + "' AND jurisdiction = '370102'"));
    }

    @Test
    void anAgencyTheRegistryDoesNotHaveIsRefusedWithAHint() {
        String stranger = TestAgencies.newCode("371502");
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(stranger, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(422)
                .body("findings.rule", hasItem("AGENCY-UNKNOWN"))
                .body("detail", containsString("send the report again shortly"));
    }

    @Test
    void whileTheFeedIsAwayAnUnknownAgencyIs503AndAKnownOneIsAccepted() {
        String known = TestAgencies.newCode("371502");
        FakeRegistryFeed.agencyUpserted(known, "371502");
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(known, 2021)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202);
        FakeRegistryFeed.down(true);

        String unknown = TestAgencies.newCode("371502");
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(unknown, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", containsString("registry-unavailable"));
        String batch = given().contentType("application/x-ndjson")
                .body((TestReports.json(TestReports.balanced(unknown, 2022)) + "\n"
                                + TestReports.json(TestReports.balanced(known, 2022)) + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .asString();
        assertTrue(batch.contains("\"status\":\"unavailable\""), batch);
        assertTrue(batch.contains("\"accepted\":1"), batch);
        given().contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(known, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .body("agencyCode", equalTo(known));
    }
}
