package cn.ogi.reporting;

import static io.restassured.RestAssured.given;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.AuthorizationMatrix;
import cn.ogi.web.testing.AuthorizationMatrix.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may call what on reporting-service: every endpoint × role × subtree × credential. */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The agency whose report the cases touch lies in Dongchangfu (371502), inside Liaocheng (371500). */
    static final String OWN = "371500";

    static final String OTHER = "370100";
    static final String AGENCY = TestRegistry.newAgencyCode("371502");
    static final Set<String> READERS = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE);
    static final Set<String> SUPERVISORS = Set.of(Roles.ADMIN, Roles.SUPERVISOR);
    static final Set<String> SERVICES = Set.of(Roles.ADMIN, Roles.SERVICE);
    private static boolean prepared;

    @BeforeEach
    void registerTheAgencyAndItsReport() {
        if (prepared) {
            return;
        }
        TestRegistry.ensureLiaocheng();
        TestRegistry.putJurisdiction("370100", "济南市", "370000");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "矩阵测试局", "kind", "department", "jurisdiction", "371502"))
                .put("/api/v1/agencies/" + AGENCY)
                .then()
                .statusCode(201);
        // with a published original, so that reading it is allowed (200) exactly where reading the version is
        TestReports.deliver(
                        TestReports.delivery(
                                report(), "%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII), "application/pdf"),
                        AGENCY,
                        2023)
                .statusCode(201);
        prepared = true;
    }

    static AnnualReport report() {
        return TestReports.balanced2021(AGENCY, 2023).build();
    }

    static Stream<Arguments> cases() {
        String report = "/api/v1/reports/" + AGENCY + "/2023";
        return AuthorizationMatrix.cases(List.of(
                new Endpoint("list jurisdictions", "GET", "/api/v1/jurisdictions", r -> r, READERS, false, Set.of(200)),
                new Endpoint(
                        "get jurisdiction", "GET", "/api/v1/jurisdictions/371502", r -> r, READERS, false, Set.of(200)),
                new Endpoint(
                        "put jurisdiction",
                        "PUT",
                        "/api/v1/jurisdictions/371502",
                        r -> r.contentType(ContentType.JSON).body(Map.of("name", "东昌府区", "parent", "371500")),
                        Set.of(Roles.ADMIN),
                        false,
                        Set.of(200)),
                new Endpoint("list agencies", "GET", "/api/v1/agencies", r -> r, READERS, false, Set.of(200)),
                new Endpoint("get agency", "GET", "/api/v1/agencies/" + AGENCY, r -> r, READERS, false, Set.of(200)),
                new Endpoint(
                        "put agency",
                        "PUT",
                        "/api/v1/agencies/" + AGENCY,
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of("name", "矩阵测试局", "kind", "department", "jurisdiction", "371502")),
                        Set.of(Roles.ADMIN),
                        false,
                        Set.of(200)),
                new Endpoint(
                        "import registry",
                        "POST",
                        "/api/v1/registry/import",
                        r -> r.contentType("text/csv")
                                .body(ProvinceCsv.HEADER + "\njurisdiction,371502,东昌府区,,371500,,\n"),
                        Set.of(Roles.ADMIN),
                        false,
                        Set.of(200)),
                new Endpoint(
                        "list reports",
                        "GET",
                        "/api/v1/reports?jurisdiction=" + OWN,
                        r -> r,
                        SUPERVISORS,
                        true,
                        Set.of(200)),
                new Endpoint("get report", "GET", report, r -> r, SUPERVISORS, true, Set.of(200)),
                new Endpoint("list versions", "GET", report + "/versions", r -> r, SUPERVISORS, true, Set.of(200)),
                new Endpoint("get version", "GET", report + "/versions/1", r -> r, SUPERVISORS, true, Set.of(200)),
                new Endpoint(
                        "get original", "GET", report + "/versions/1/original", r -> r, SUPERVISORS, true, Set.of(200)),
                new Endpoint(
                        "diff versions", "GET", report + "/diff?from=1&to=1", r -> r, SUPERVISORS, true, Set.of(200)),
                new Endpoint(
                        "deliver version",
                        "POST",
                        report + "/versions",
                        r -> r.contentType(ContentType.JSON)
                                .header("Delivery-Key", UUID.randomUUID().toString())
                                .body(TestReports.delivery(report())),
                        SERVICES,
                        false,
                        Set.of(200, 409)),
                new Endpoint(
                        "deliver a batch",
                        "POST",
                        "/api/v1/deliveries",
                        r -> r.contentType(ContentType.JSON)
                                .body(Map.of(
                                        "deliveries",
                                        List.of(Map.of(
                                                "deliveryKey",
                                                UUID.randomUUID().toString(),
                                                "agencyCode",
                                                AGENCY,
                                                "year",
                                                2023,
                                                "submission",
                                                TestReports.delivery(report()))))),
                        SERVICES,
                        false,
                        Set.of(200)),
                new Endpoint(
                        "approve",
                        "POST",
                        report + "/approval",
                        r -> r.contentType(ContentType.JSON).body(Map.of("reason", "checked")),
                        SUPERVISORS,
                        true,
                        Set.of(200, 409)),
                new Endpoint(
                        "reopen",
                        "POST",
                        report + "/reopen",
                        r -> r.contentType(ContentType.JSON).body(Map.of("reason", "recheck")),
                        SUPERVISORS,
                        true,
                        Set.of(200, 409)),
                new Endpoint(
                        "change feed", "GET", "/api/v1/changes?after=0&limit=5", r -> r, SERVICES, false, Set.of(200)),
                new Endpoint("audit trail", "GET", "/api/v1/audit", r -> r, SUPERVISORS, false, Set.of(200))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachCallerAsItsRolesAndJurisdictionAllow(AuthorizationMatrix.Case c) {
        AuthorizationMatrix.check(c, OWN, OTHER);
    }
}
