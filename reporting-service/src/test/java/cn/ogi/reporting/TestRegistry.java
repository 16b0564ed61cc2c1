package cn.ogi.reporting;

import static io.restassured.RestAssured.given;

import cn.ogi.form.identity.CreditCode;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds registry entries for tests: valid codes, unique per test so tests never collide. */
public final class TestRegistry {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private TestRegistry() {}

    /** A valid 统一社会信用代码 of a government agency (prefix 11), unique in this test run. */
    public static String newAgencyCode(String division) {
        String first17 = "11" + division + String.format("%09d", SEQUENCE.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The same code with its check character replaced by another valid character. */
    public static String withWrongCheckCharacter(String code) {
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    public static void putJurisdiction(String code, String name, String parent) {
        given().contentType(ContentType.JSON)
                .body(parent == null ? Map.of("name", name) : Map.of("name", name, "parent", parent))
                .put("/api/v1/jurisdictions/" + code)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /** Shandong, Liaocheng and Dongchangfu: the tree most tests hang their agencies on. */
    public static void ensureLiaocheng() {
        putJurisdiction("370000", "山东省", null);
        putJurisdiction("371500", "聊城市", "370000");
        putJurisdiction("371502", "东昌府区", "371500");
    }

    public static String newAgency(String jurisdiction) {
        String code = newAgencyCode(jurisdiction);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "测试局" + code.substring(8, 17), "kind", "department", "jurisdiction", jurisdiction))
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(201);
        return code;
    }
}
