package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A 5,000-line NDJSON batch with 10 bad lines: 4,990 accepted and delivered, 10 precise errors. */
class BatchEndToEndTest {

    /** 历下区: only this test registers agencies there, so its report count is exact. */
    static final String BATCH_COUNTY = "370102";

    static final int AGENCIES = 1000;
    static final int YEARS = 5;
    static final Set<Integer> BAD_LINES = Set.of(7, 480, 999, 1500, 2001, 2750, 3333, 4000, 4444, 5000);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Platform platform = Platform.get();

    @Test
    void acceptsTheGoodLinesAndNamesEachBadOne() throws Exception {
        List<String> agencies = Registry.newAgencies(platform, BATCH_COUNTY, AGENCIES);
        StringBuilder ndjson = new StringBuilder();
        int line = 0;
        for (String agency : agencies) {
            for (int year = 2021; year < 2021 + YEARS; year++) {
                line++;
                JsonNode report = BAD_LINES.contains(line)
                        ? Reports.unbalanced(agency, year)
                        : Reports.json(
                                Reports.balanced(agency, year, 10 + line % 7).build());
                ndjson.append(JSON.writeValueAsString(report)).append('\n');
            }
        }
        String submitter = platform.token(Roles.SUBMITTER, "370100", "batch-system");

        String answer = Platform.as(Platform.INTAKE, submitter)
                .contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        int accepted = 0;
        Set<Integer> rejected = new TreeSet<>();
        for (String result : answer.lines().toList()) {
            JsonNode r = JSON.readTree(result);
            if (r.has("summary")) {
                assertEquals(AGENCIES * YEARS, r.get("summary").get("lines").asInt(), "the summary ends the answer");
                continue;
            }
            if (r.get("status").asText().equals("accepted")) {
                accepted++;
            } else {
                assertEquals("rejected", r.get("status").asText(), result);
                assertTrue(r.get("findings").toString().contains("APP-BALANCE"), result);
                assertTrue(r.get("findings").toString().contains("applications.newReceived.total"), result);
                rejected.add(r.get("line").asInt());
            }
        }
        assertEquals(AGENCIES * YEARS - BAD_LINES.size(), accepted);
        assertEquals(new TreeSet<>(BAD_LINES), rejected);

        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(3));
        long stored = platform.reportingAsAdmin()
                .queryParam("jurisdiction", BATCH_COUNTY)
                .queryParam("size", 1)
                .get("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
        assertEquals(accepted, stored, "every accepted line is a report in reporting-service, once");
        platform.reportingAsAdmin()
                .get("/api/v1/reports/" + agencies.get(1) + "/2022")
                .then()
                .statusCode(404); // line 7, refused
    }
}
