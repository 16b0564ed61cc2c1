package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every answer echoes its request id; the log context of the request carries it and the caller's subject. */
@QuarkusTest
class RequestIdsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSaneRequestIdIsEchoedAndCarriedIntoTheLogContextWithTheSubject() {
        String token = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "371500", "auditor-wang"));
        given().header("Authorization", token)
                .header("X-Request-Id", "console.7f3a-01_b")
                .get("/test/log-context")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "console.7f3a-01_b")
                .body("requestId", equalTo("console.7f3a-01_b"))
                .body("subject", equalTo("auditor-wang"))
                .body("thread", not(matchesPattern(".*eventloop.*")));
    }

    @Test
    void anInsaneRequestIdIsReplacedByAFreshUuid() {
        for (String insane : new String[] {"has spaces", "a".repeat(65), "line\r\nbreak", "引号", ""}) {
            String echoed = given().header("X-Request-Id", insane)
                    .get("/q/health/ready")
                    .then()
                    .header("X-Request-Id", matchesPattern(UUID))
                    .extract()
                    .header("X-Request-Id");
            assertNotEquals(insane, echoed);
        }
    }

    @Test
    void withoutOneEveryAnswerGetsItsOwn() {
        String first = given().get("/api/v1/jurisdictions")
                .then()
                .header("X-Request-Id", matchesPattern(UUID))
                .extract()
                .header("X-Request-Id");
        String second = given().header(TestTokens.NO_TOKEN, "true")
                .get("/api/v1/jurisdictions")
                .then()
                .statusCode(401)
                .header("X-Request-Id", matchesPattern(UUID))
                .extract()
                .header("X-Request-Id");
        assertNotEquals(first, second);
    }
}
