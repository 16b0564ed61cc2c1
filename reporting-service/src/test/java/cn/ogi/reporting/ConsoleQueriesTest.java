package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the supervisors' console asks reporting-service beyond the basics: the registry searched by name or code,
 * inside the caller's jurisdiction only; one agency's reports; and the console's origin allowed by CORS.
 */
@QuarkusTest
class ConsoleQueriesTest {

    private static String inDongchangfu;
    private static String inJinan;

    @BeforeEach
    void givenAgenciesInTwoCities() {
        if (inDongchangfu != null) {
            return;
        }
        TestRegistry.ensureLiaocheng();
        TestRegistry.putJurisdiction("370100", "济南市", "370000");
        inDongchangfu = TestRegistry.newAgencyCode("371502");
        inJinan = TestRegistry.newAgencyCode("370100");
        put(inDongchangfu, "东昌府区搜索测试卫生健康局", "371502");
        put(inJinan, "济南市搜索测试卫生健康局", "370100");
        TestReports.deliver(TestReports.balanced2021(inDongchangfu, 2022).build())
                .statusCode(201);
        TestReports.deliver(TestReports.balanced2021(inDongchangfu, 2023).build())
                .statusCode(201);
    }

    @Test
    void agenciesAreFoundByPartOfTheNameOrTheStartOfTheCode() {
        given().queryParam("q", "搜索测试卫生")
                .queryParam("size", 500)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(inDongchangfu))
                .body("items.code", hasItem(inJinan));
        given().queryParam("q", inJinan.substring(0, 14).toLowerCase(java.util.Locale.ROOT))
                .queryParam("size", 500)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(inJinan))
                .body("items.code", everyItem(startsWith(inJinan.substring(0, 14))));
        given().queryParam("q", "没有这样的单位%_")
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("total", is(0));
    }

    @Test
    void aSupervisorListsAgenciesOnlyInsideItsJurisdiction() {
        String liaocheng = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "371500", "supervisor-liaocheng"));
        given().header("Authorization", liaocheng)
                .queryParam("q", "搜索测试卫生")
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(inDongchangfu))
                .body("items.code", not(hasItem(inJinan)));
        given().header("Authorization", liaocheng)
                .queryParam("jurisdiction", "370100")
                .get("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", liaocheng)
                .queryParam("jurisdiction", "370000")
                .get("/api/v1/agencies")
                .then()
                .statusCode(403);
    }

    @Test
    void oneAgencysReportsAreListedNewestYearFirst() {
        given().queryParam("agencyCode", inDongchangfu)
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("total", is(2))
                .body("items.year", is(java.util.List.of(2023, 2022)))
                .body("items.agencyCode", everyItem(is(inDongchangfu)));
        String jinan = TestTokens.bearer(TestTokens.token(Roles.SUPERVISOR, "370100", "supervisor-jinan"));
        given().header("Authorization", jinan)
                .queryParam("agencyCode", inDongchangfu)
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("total", is(0));
    }

    @Test
    void theConsolesOriginIsAllowedByCorsAndNoOtherIs() {
        given().header(TestTokens.NO_TOKEN, "1")
                .header("Origin", "http://console.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,if-none-match")
                .options("/api/v1/reports")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://console.example")
                .header(
                        "Access-Control-Allow-Headers",
                        org.hamcrest.Matchers.containsStringIgnoringCase("Authorization"));
        given().header("Origin", "http://console.example")
                .get("/api/v1/jurisdictions/371502")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://console.example")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
        given().header(TestTokens.NO_TOKEN, "1")
                .header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/reports")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    private static void put(String code, String name, String jurisdiction) {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "department", "jurisdiction", jurisdiction))
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(201);
    }
}
