package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.nullValue;

import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The supervisors' console (another origin) may call intake from the browser; only the listed origins may. */
@QuarkusTest
class CorsTest {

    @Test
    void theConsolesOriginIsAllowedAndNoOtherIs() {
        given().header(TestTokens.NO_TOKEN, "1")
                .header("Origin", "http://console.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/submissions")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://console.example")
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"))
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.not("true"));
        given().header(TestTokens.NO_TOKEN, "1")
                .header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/submissions")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
