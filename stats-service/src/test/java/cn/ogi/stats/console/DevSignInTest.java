package cn.ogi.stats.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the dev sign-in turned on (as deploy/local/start does) and an identity provider configured. */
@QuarkusTest
@TestProfile(DevSignInTest.Enabled.class)
class DevSignInTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "stats.console.dev-sign-in.enabled", "true",
                    "stats.console.dev-sign-in.private-key", "target/test-keys/private.pem",
                    "stats.console.oidc.issuer", "https://idp.example/realms/ogi",
                    "stats.console.oidc.client-id", "ogi-console");
        }
    }

    @Test
    void theSignInPageOffersBoth() {
        given().header(TestTokens.NO_TOKEN, "1")
                .get("/dashboard/signin")
                .then()
                .statusCode(200)
                .body(containsString("id=\"dev-sign-in\""))
                .body(containsString("id=\"oidc-sign-in\""));
        given().header(TestTokens.NO_TOKEN, "1")
                .get("/dashboard")
                .then()
                .body(containsString("data-oidc-issuer=\"https://idp.example/realms/ogi\""))
                .body(containsString("data-oidc-client-id=\"ogi-console\""))
                .body(containsString("data-dev-sign-in=\"true\""))
                .header("Content-Security-Policy", containsString(" https://idp.example;"));
    }

    @Test
    void aDevSignInMintsATokenTheServiceAccepts() {
        String token = signIn(Map.of("role", "supervisor", "jurisdiction", "370100", "name", "张三"))
                .then()
                .statusCode(200)
                .body("token_type", is("Bearer"))
                .body("expires_in", is(8 * 3600))
                .extract()
                .path("access_token");
        JsonPath claims = new JsonPath(new String(
                Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'))),
                StandardCharsets.UTF_8));
        assertEquals("张三", claims.getString("sub"));
        assertEquals("370100", claims.getString("jurisdiction"));
        assertEquals(TestTokens.ISSUER, claims.getString("iss"));
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/stats/freshness")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + token)
                .queryParam("jurisdiction", "370000")
                .queryParam("year", 2024)
                .get("/api/v1/stats/fees")
                .then()
                .statusCode(403);
    }

    @Test
    void anAdminNeedsNoJurisdiction() {
        signIn(Map.of("role", "admin", "name", "管理员")).then().statusCode(200);
    }

    @Test
    void badFieldsAreRefusedByName() {
        signIn(Map.of("role", "service", "jurisdiction", "370100", "name", "x"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("role"));
        signIn(Map.of("role", "supervisor", "name", "x"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("jurisdiction"));
        signIn(Map.of("role", "viewer", "jurisdiction", "37010", "name", "x"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("jurisdiction"));
        signIn(Map.of("role", "viewer", "jurisdiction", "370100", "name", " "))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    private static io.restassured.response.Response signIn(Map<String, String> body) {
        return given().header(TestTokens.NO_TOKEN, "1")
                .contentType("application/json")
                .body(body)
                .post("/dashboard/dev-sign-in");
    }
}
