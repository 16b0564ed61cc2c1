package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.client.intake.api.SubmissionsApi;
import cn.ogi.client.intake.model.AnnualReport;
import cn.ogi.client.intake.model.AnnualReport2021;
import cn.ogi.client.intake.model.Submission;
import cn.ogi.client.reporting.api.RegistryApi;
import cn.ogi.client.reporting.api.ReportsApi;
import cn.ogi.client.reporting.model.Agency;
import cn.ogi.client.reporting.model.Jurisdiction;
import cn.ogi.client.reporting.model.ReportView;
import cn.ogi.client.stats.api.StatsApi;
import cn.ogi.client.stats.model.StatsResult;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A municipal system's developer's client: the Java client api-client generates from the committed OpenAPI
 * documents (docs/openapi/, equal to the live /q/openapi by each service's OpenApiTest), and nothing else, against
 * the three jars — register an agency, submit a report, see it delivered, read it back from reporting-service and
 * its figures from stats-service, and read a refusal as a problem.
 */
class GeneratedClientEndToEndTest {

    final Platform platform = Platform.get();

    static <C> C client(C apiClient, int port, String token) {
        String base = "http://localhost:" + port;
        if (apiClient instanceof cn.ogi.client.intake.ApiClient c) {
            c.updateBaseUri(base);
            c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        } else if (apiClient instanceof cn.ogi.client.reporting.ApiClient c) {
            c.updateBaseUri(base);
            c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        } else if (apiClient instanceof cn.ogi.client.stats.ApiClient c) {
            c.updateBaseUri(base);
            c.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        }
        return apiClient;
    }

    @Test
    void aGeneratedClientRegistersSubmitsAndReadsTheReportAndItsStatsBack() throws Exception {
        String admin = platform.token(Roles.ADMIN, null, "generated-client-admin");
        String submitter = platform.token(Roles.SUBMITTER, "371500", "generated-client-liaocheng");
        String supervisor = platform.token(Roles.SUPERVISOR, "371500", "generated-client-supervisor");
        RegistryApi registry =
                new RegistryApi(client(new cn.ogi.client.reporting.ApiClient(), Platform.REPORTING, admin));
        SubmissionsApi submissions =
                new SubmissionsApi(client(new cn.ogi.client.intake.ApiClient(), Platform.INTAKE, submitter));
        ReportsApi reports =
                new ReportsApi(client(new cn.ogi.client.reporting.ApiClient(), Platform.REPORTING, supervisor));
        StatsApi stats = new StatsApi(client(new cn.ogi.client.stats.ApiClient(), Platform.STATS, supervisor));

        registry.apiV1JurisdictionsCodePut(
                "370000", new Jurisdiction().code("370000").name("山东省").level("province"));
        registry.apiV1JurisdictionsCodePut(
                "371500",
                new Jurisdiction().code("371500").name("聊城市").level("city").parent("370000"));
        registry.apiV1JurisdictionsCodePut(
                "371502",
                new Jurisdiction().code("371502").name("东昌府区").level("county").parent("371500"));
        String code = Registry.newAgencyCode("371502");
        registry.apiV1AgenciesCodePut(
                code,
                new Agency().code(code).name("生成客户端测试局").kind("department").jurisdiction("371502"));

        // The report as the client's own model: the canonical JSON read by the generated classes, which must
        // carry every cell (written back, it is the same JSON), then sent as the oneOf AnnualReport.
        ObjectMapper mapper = cn.ogi.client.intake.ApiClient.createDefaultObjectMapper();
        ObjectNode canonical = Reports.json(Reports.balanced(code, 2023, 12).build());
        AnnualReport2021 model = mapper.treeToValue(canonical, AnnualReport2021.class);
        // (compared as parsed text: the model's Long and BigDecimal cells are other node types than report-form's)
        assertEquals(
                mapper.readTree(canonical.toString()),
                mapper.readTree(mapper.writeValueAsString(model)),
                "the generated model holds the whole report");
        assertEquals(12, model.getApplications().getNewReceived().getTotal().intValue());

        Submission accepted = submissions
                .apiV1SubmissionsPostWithHttpInfo(
                        new AnnualReport(model), null, null, null, null, "generated-client-" + code, null)
                .getData();
        assertEquals(Submission.StatusEnum.RECEIVED, accepted.getStatus());
        Submission[] settled = {accepted};
        Platform.await("the submission to be delivered", Duration.ofSeconds(60), () -> {
            settled[0] = call(
                    () -> submissions.apiV1SubmissionsIdGet(accepted.getId().toString()));
            return settled[0].getStatus() != Submission.StatusEnum.RECEIVED;
        });
        assertEquals(Submission.StatusEnum.DELIVERED, settled[0].getStatus(), settled[0].toString());
        assertEquals(1, settled[0].getVersion());

        ReportView stored = reports.apiV1ReportsAgencyCodeYearGet(code, "2023");
        assertEquals(1, stored.getVersion());
        assertEquals("371502", stored.getJurisdiction());
        var report = assertInstanceOf(
                cn.ogi.client.reporting.model.AnnualReport2021.class,
                stored.getReport().getActualInstance());
        assertEquals(12, report.getApplications().getNewReceived().getTotal().intValue());
        assertEquals(10, report.getApplications().getGranted().getTotal().intValue());

        AtomicReference<Map<String, Object>> row = new AtomicReference<>();
        Platform.await("the report's figures in stats", Duration.ofSeconds(60), () -> {
            StatsResult byAgency =
                    call(() -> stats.apiV1StatsApplicationsGet(null, "agency", "371502", null, "500", null, "2023"));
            row.set(byAgency.getRows().stream()
                    .filter(r -> code.equals(r.get("key")))
                    .findFirst()
                    .orElse(null));
            return row.get() != null;
        });
        assertEquals(
                12,
                ((Number) row.get().get("newReceived")).intValue(),
                row.get().toString());
        assertEquals(
                10,
                ((Number) row.get().get("totalProcessed")).intValue(),
                row.get().toString());
        assertEquals(
                2,
                ((Number) row.get().get("carriedForward")).intValue(),
                row.get().toString());

        // a refusal is an ApiException whose body is the documented problem (the client's Problem model reads it)
        ObjectNode unbalanced = Reports.unbalanced(code, 2022);
        var refused = assertThrows(
                cn.ogi.client.intake.ApiException.class,
                () -> submissions.apiV1SubmissionsPost(
                        new AnnualReport(mapper.treeToValue(unbalanced, AnnualReport2021.class)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertEquals(422, refused.getCode());
        cn.ogi.client.intake.model.Problem problem =
                mapper.readValue(refused.getResponseBody(), cn.ogi.client.intake.model.Problem.class);
        assertEquals(422, problem.getStatus());
        assertEquals(
                Optional.of("APP-BALANCE"),
                problem.getFindings().stream().map(f -> f.getRule()).findFirst(),
                String.valueOf(problem));
        JsonNode asJson = mapper.readTree(refused.getResponseBody());
        assertNotNull(asJson.get("detail"));
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
