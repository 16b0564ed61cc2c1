package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reader.SyntheticReport;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.testing.AuthorizationMatrix;
import cn.ogi.web.testing.AuthorizationMatrix.Endpoint;
import cn.ogi.web.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may call what on intake-service: every endpoint × role × subtree × credential. */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String OWN = "371500";
    static final String OTHER = "370100";
    static final String AGENCY = TestAgencies.newCode("371502");
    static final Set<String> SUBMITTERS = Set.of(Roles.SUBMITTER, Roles.ADMIN);
    private static String ownSubmission;

    @Inject
    TestAgencies agencies;

    @BeforeEach
    void registerTheAgencyAndASubmissionOfTheOwnSubmitter() {
        if (ownSubmission != null) {
            return;
        }
        agencies.register(AGENCY, "371502");
        String submitter = AuthorizationMatrix.subjectOf(Roles.SUBMITTER, true);
        ownSubmission = given().header(
                        "Authorization", TestTokens.bearer(TestTokens.token(Roles.SUBMITTER, OWN, submitter)))
                .contentType(ContentType.JSON)
                .body(TestReports.json(TestReports.balanced(AGENCY, 2023)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    static Stream<Arguments> cases() {
        byte[] batch;
        try {
            batch = (new ObjectMapper().writeValueAsString(TestReports.json(TestReports.balanced(AGENCY, 2022))) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String text = SyntheticReport.edition2021().text();
        return AuthorizationMatrix.cases(List.of(
                new Endpoint(
                        "submit JSON",
                        "POST",
                        "/api/v1/submissions",
                        r -> r.contentType(ContentType.JSON).body(TestReports.json(TestReports.balanced(AGENCY, 2023))),
                        SUBMITTERS,
                        true,
                        Set.of(202)),
                new Endpoint(
                        "submit text",
                        "POST",
                        "/api/v1/submissions?agencyCode=" + AGENCY + "&year=2022",
                        r -> r.contentType("text/plain; charset=utf-8").body(text),
                        SUBMITTERS,
                        true,
                        Set.of(202)),
                new Endpoint(
                        "submit batch",
                        "POST",
                        "/api/v1/submissions/batch",
                        r -> r.contentType("application/x-ndjson").body(batch),
                        SUBMITTERS,
                        false,
                        Set.of(200)),
                new Endpoint(
                        "validate",
                        "POST",
                        "/api/v1/validate",
                        r -> r.contentType(ContentType.JSON).body(TestReports.json(TestReports.balanced(AGENCY, 2023))),
                        SUBMITTERS,
                        true,
                        Set.of(200)),
                new Endpoint(
                        "parse",
                        "POST",
                        "/api/v1/parse?agencyCode=" + AGENCY,
                        r -> r.contentType("text/plain; charset=utf-8").body(text),
                        SUBMITTERS,
                        true,
                        Set.of(200)),
                new Endpoint(
                        "audit trail",
                        "GET",
                        "/api/v1/audit",
                        r -> r,
                        Set.of(Roles.ADMIN, Roles.SUPERVISOR),
                        false,
                        Set.of(200))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachCallerAsItsRolesAndJurisdictionAllow(AuthorizationMatrix.Case c) {
        Response response = AuthorizationMatrix.check(c, OWN, OTHER);
        if (c.endpoint().name().equals("submit batch") && response.statusCode() == 200) {
            boolean inScope = c.ownSubtree() || c.role().equals(Roles.ADMIN);
            assertEquals(
                    inScope ? "accepted" : "forbidden",
                    response.jsonPath().getString("status"),
                    c + ": a line for an agency outside the caller's jurisdiction is refused");
        }
    }

    static Stream<Arguments> readers() {
        return Stream.of(Roles.ALL.toArray())
                .flatMap(role -> Stream.of(Arguments.of(role, true), Arguments.of(role, false)));
    }

    /** A submitter sees its own submissions only; admins see every one. */
    @ParameterizedTest(name = "{0}, own subtree {1}")
    @MethodSource("readers")
    void showsASubmissionOnlyToItsSubmitterAndAdmins(String role, boolean own) {
        int expected = role.equals(Roles.ADMIN) || (role.equals(Roles.SUBMITTER) && own) ? 200 : 403;
        given().header(
                        "Authorization",
                        TestTokens.bearer(
                                TestTokens.token(role, own ? OWN : OTHER, AuthorizationMatrix.subjectOf(role, own))))
                .get("/api/v1/submissions/" + ownSubmission)
                .then()
                .statusCode(expected);
    }
}
