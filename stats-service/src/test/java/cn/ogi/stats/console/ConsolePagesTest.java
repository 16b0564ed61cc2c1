package cn.ogi.stats.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's pages and assets: public (no token), no inline script (a strict Content-Security-Policy holds),
 * every module the page loads is served, ECharts from its WebJar without a version, and no sign-in a production
 * deployment does not configure.
 */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s[^;]*?from\\s+'([^']+)'");

    @Test
    void everyViewIsTheSameShellServedWithoutAToken() {
        for (String path : List.of(
                "/dashboard",
                "/dashboard/overview/370000/2024",
                "/dashboard/chase/370000/2024?child=370100",
                "/dashboard/quality/370000/2024",
                "/dashboard/report/11370000MB0000000X/2024",
                "/dashboard/agencies/370000",
                "/dashboard/callback?code=x&state=y")) {
            String html = page(path);
            assertTrue(html.contains("id=\"app\""), path);
            assertTrue(html.contains("/dashboard/assets/app.js"), path);
            assertTrue(
                    html.contains("data-reporting-url=\"http://localhost:8082\""), path + " tells where reporting is");
        }
        given().header(TestTokens.NO_TOKEN, "1")
                .get("/dashboard/unknown-view")
                .then()
                .statusCode(404);
    }

    @Test
    void thePagesCarryNoInlineScript() {
        for (String path : List.of("/dashboard", "/dashboard/signin")) {
            Matcher m = SCRIPT.matcher(page(path));
            int scripts = 0;
            while (m.find()) {
                scripts++;
                assertTrue(m.group(1).contains("src="), path + ": a script without src: " + m.group());
                assertEquals("", m.group(2).strip(), path + ": inline code in " + m.group());
            }
            assertTrue(scripts > 0, path);
            assertTrue(!page(path).matches("(?s).*\\son[a-z]+=\".*"), path + ": an inline event handler");
        }
    }

    @Test
    void thePagesAreHeldToTheirOwnScriptsAndTheConfiguredServices() {
        for (String path : List.of("/dashboard", "/dashboard/overview/370000/2024", "/dashboard/signin")) {
            String policy = given().header(TestTokens.NO_TOKEN, "1")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("Content-Security-Policy");
            assertTrue(policy.contains("script-src 'self';"), path + ": " + policy);
            assertTrue(policy.contains("connect-src 'self' http://localhost:8082 http://localhost:8081;"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertTrue(!policy.contains("unsafe-eval") && !policy.contains("*"), policy);
        }
    }

    @Test
    void everyModuleThePageImportsIsServedAndEChartsComesFromItsWebJar() {
        Deque<String> pending = new ArrayDeque<>(List.of("/dashboard/assets/app.js", "/dashboard/assets/signin.js"));
        Set<String> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (!seen.add(path)) {
                continue;
            }
            String js = given().header(TestTokens.NO_TOKEN, "1")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("javascript"))
                    .extract()
                    .asString();
            Matcher m = IMPORT.matcher(js);
            while (m.find()) {
                pending.push(java.net
                        .URI
                        .create("http://x" + path)
                        .resolve(m.group(1))
                        .getPath());
            }
        }
        assertTrue(seen.size() >= 12, "modules " + seen);
        given().header(TestTokens.NO_TOKEN, "1")
                .get("/dashboard/assets/console.css")
                .then()
                .statusCode(200);
        given().header(TestTokens.NO_TOKEN, "1")
                .get("/webjars/echarts/dist/echarts.min.js")
                .then()
                .statusCode(200)
                .body(containsString("echarts"));
    }

    @Test
    void withoutConfigurationTheSignInPageOffersNeitherTheIdentityProviderNorTheDevSignIn() {
        given().header(TestTokens.NO_TOKEN, "1")
                .get("/dashboard/signin")
                .then()
                .statusCode(200)
                .body(not(containsString("id=\"dev-sign-in\"")))
                .body(not(containsString("id=\"oidc-sign-in\"")))
                .body(containsString("未配置登录方式"));
    }

    @Test
    void theDevSignInIsOffByDefault() {
        given().header(TestTokens.NO_TOKEN, "1")
                .contentType("application/json")
                .body("{\"role\": \"admin\", \"name\": \"mallory\"}")
                .post("/dashboard/dev-sign-in")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("dev-sign-in-disabled"));
    }

    private static String page(String path) {
        return given().header(TestTokens.NO_TOKEN, "1")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
    }
}
