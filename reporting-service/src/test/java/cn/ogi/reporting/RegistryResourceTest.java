package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryResourceTest {

    @Test
    void createsJurisdictionWithLevelDerivedFromItsCode() {
        TestRegistry.ensureLiaocheng();

        given().get("/api/v1/jurisdictions/371502")
                .then()
                .statusCode(200)
                .body("code", equalTo("371502"))
                .body("name", equalTo("东昌府区"))
                .body("level", equalTo("county"))
                .body("parent", equalTo("371500"));
    }

    @Test
    void secondPutOfTheSameJurisdictionUpdatesInsteadOfCreating() {
        TestRegistry.ensureLiaocheng();
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "东昌府区", "parent", "371500"))
                .put("/api/v1/jurisdictions/371502")
                .then()
                .statusCode(200);
    }

    @Test
    void refusesJurisdictionWithUnknownParentNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "某区", "parent", "459900"))
                .put("/api/v1/jurisdictions/459901")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("parent"))
                .body("errors.message", hasItem(containsString("459900")));
    }

    @Test
    void refusesAgencyWhoseCheckCharacterIsWrong() {
        TestRegistry.ensureLiaocheng();
        String wrong = TestRegistry.withWrongCheckCharacter(TestRegistry.newAgencyCode("371500"));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "错误局", "kind", "department", "jurisdiction", "371500"))
                .put("/api/v1/agencies/" + wrong)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("check"));
        given().get("/api/v1/agencies/" + wrong).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownKindOrLevelInTheQueryIsA400NamingTheParameter() {
        given().queryParam("kind", "ministry")
                .get("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("ministry"))
                .body("errors[0].message", containsString("[government, department]"));
        given().queryParam("level", "township")
                .get("/api/v1/jurisdictions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("[province, city, county]"));
    }

    @Test
    void agenciesAreListedByKindAndAnUnknownKindIsRefusedNamingTheField() {
        TestRegistry.ensureLiaocheng();
        String code = TestRegistry.newAgencyCode("371502");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "东昌府区某委员会", "kind", "committee", "jurisdiction", "371502"))
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"))
                .body("errors.message", hasItem(containsString("committee")));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "东昌府区人民政府", "kind", "government", "jurisdiction", "371502"))
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(is(201));

        given().queryParam("kind", "government")
                .queryParam("jurisdiction", "371502")
                .queryParam("size", 500)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code))
                .body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("government")));
        given().queryParam("kind", "department")
                .queryParam("jurisdiction", "371502")
                .queryParam("size", 500)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", org.hamcrest.Matchers.not(hasItem(code)));
    }

    @Test
    void agencyKeepsItsReportingYears() {
        TestRegistry.ensureLiaocheng();
        String code = TestRegistry.newAgencyCode("371502");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "东昌府区应急管理局", "kind", "department", "jurisdiction", "371502", "reportsFrom", 2019))
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(201);

        given().get("/api/v1/agencies/" + code)
                .then()
                .statusCode(200)
                .body("reportsFrom", is(2019))
                .body("reportsUntil", equalTo(null))
                .body("kind", equalTo("department"));
        given().queryParam("jurisdiction", "371500")
                .queryParam("year", 2018)
                .queryParam("size", 500)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", org.hamcrest.Matchers.not(hasItem(code)));
        given().queryParam("jurisdiction", "371500")
                .queryParam("year", 2019)
                .queryParam("size", 500)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
    }

    @Test
    void importsASmallProvinceFromCsv() {
        ProvinceCsv province = ProvinceCsv.small("640000");

        given().contentType("text/csv")
                .body(province.csv())
                .post("/api/v1/registry/import")
                .then()
                .statusCode(200)
                .body("jurisdictions", is(7))
                .body("agencies", is(30))
                .body("created", is(37));

        given().queryParam("jurisdiction", "640000")
                .queryParam("size", 100)
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("total", is(30))
                .body("items", hasSize(30));
        given().queryParam("parent", "640000")
                .get("/api/v1/jurisdictions")
                .then()
                .statusCode(200)
                .body("total", is(2));
    }

    @Test
    void refusesTheWholeCsvWhenOneLineHasABadCheckCharacter() {
        ProvinceCsv province = ProvinceCsv.small("650000");
        String csv = province.csvWithWrongCheckCharacterOnAgency(7);

        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/registry/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].line", is(province.lineOfAgency(7)))
                .body("errors[0].field", equalTo("code"));

        given().get("/api/v1/jurisdictions/650000").then().statusCode(404);
    }

    @Test
    void reportsEveryBadLineOfACsvAtOnce() {
        String csv = """
                record,code,name,kind,parent,reportsFrom,reportsUntil
                jurisdiction,630000,测试省,,,,
                jurisdiction,63010X,坏代码市,,630000,,
                jurisdiction,630200,孤儿市,,639900,,
                agency,123,短代码局,department,630000,,
                agency,%s,未知辖区局,department,630300,,
                """.formatted(TestRegistry.newAgencyCode("630000"));

        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/registry/import")
                .then()
                .statusCode(422)
                .body("errors.line", org.hamcrest.Matchers.contains(3, 4, 5, 6));
    }
}
