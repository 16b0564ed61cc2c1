package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import cn.ogi.web.testing.OpenApiCompleteness;
import cn.ogi.web.testing.OpenApiSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationParameterBodyAndResponseIsDescribedWithExamples() {
        OpenApiCompleteness.ofRunningService().assertComplete();
    }

    /** docs/openapi/intake.json, from which api-client generates the Java client, is the live document. */
    @Test
    void theCommittedSnapshotIsTheLiveDocument() {
        OpenApiSnapshot.assertMatches(
                "intake", OpenApiCompleteness.ofRunningService().document());
    }

    @Test
    void submissionsTakeTheCanonicalReportWhoseSchemaIsMadeFromTheEditions() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/submissions'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/AnnualReport"))
                .body(
                        "components.schemas.AnnualReport2021.properties.applications.properties.withheld.properties"
                                + ".stateSecret.properties.total.description",
                        containsString("属于国家秘密 / 总计"))
                .body(
                        "components.schemas.AnnualReport2021.properties.applications.properties.newReceived.properties"
                                + ".naturalPerson.minimum",
                        equalTo(0));
    }

    @Test
    void documentsSubmissionsWithAValidAndAnUnbalancedExampleAndItsRefusal() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.examples", hasKey("validReport"))
                .body("components.examples.unbalancedProblem.value.findings[0].rule", equalTo("APP-BALANCE"))
                .body(
                        "paths.'/api/v1/submissions'.post.requestBody.content.'application/json'.examples.valid.'$ref'",
                        equalTo("#/components/examples/validReport"))
                .body("paths.'/api/v1/submissions/batch'.post", notNullValue());
    }
}
