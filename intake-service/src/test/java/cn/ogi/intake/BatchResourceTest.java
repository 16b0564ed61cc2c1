package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestAgencies agencies;

    @Test
    void acceptsTheGoodLinesAndNamesTheBadOnes() throws Exception {
        String agency = agencies.register("371502");
        Set<Integer> bad = Set.of(4, 17);
        StringBuilder ndjson = new StringBuilder();
        for (int line = 1; line <= 25; line++) {
            JsonNode report = bad.contains(line)
                    ? TestReports.unbalanced(agency, 2021 + line % 3)
                    : TestReports.json(TestReports.balanced(agency, 2021 + line % 3));
            ndjson.append(JSON.writeValueAsString(report)).append('\n');
        }
        ndjson.append("{not json\n");

        List<JsonNode> results = results(given().contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString());

        assertEquals(26, results.size());
        for (int i = 0; i < 26; i++) {
            JsonNode result = results.get(i);
            int line = i + 1;
            assertEquals(line, result.get("line").asInt(), "results come in line order");
            if (line == 26) {
                assertEquals("invalid", result.get("status").asText());
            } else if (bad.contains(line)) {
                assertEquals("rejected", result.get("status").asText());
                assertTrue(result.get("findings").toString().contains("APP-BALANCE"));
            } else {
                assertEquals("accepted", result.get("status").asText(), result.toString());
                given().get(result.get("location").asText()).then().statusCode(200);
            }
        }
    }

    @Test
    void sendingTheSameBatchAgainUnderTheSameKeyRepeatsNothing() throws Exception {
        String agency = agencies.register("371502");
        String body = JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2021))) + "\n"
                + JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2022))) + "\n";
        String key = UUID.randomUUID().toString();

        List<JsonNode> first = results(given().contentType("application/x-ndjson")
                .header("Idempotency-Key", key)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<JsonNode> again = results(given().contentType("application/x-ndjson")
                .header("Idempotency-Key", key)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertEquals(
                List.of("accepted", "accepted"),
                first.stream().map(r -> r.get("status").asText()).toList());
        assertEquals(
                List.of("repeated", "repeated"),
                again.stream().map(r -> r.get("status").asText()).toList());
        assertEquals(first.get(1).get("id"), again.get(1).get("id"));
        assertEquals(2, agencies.count("SELECT count(*) FROM submission WHERE agency_code = '" + agency + "'"));
    }

    private static List<JsonNode> results(String ndjson) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        for (String line : ndjson.split("\n", -1)) {
            if (!line.isBlank()) {
                results.add(JSON.readTree(line));
            }
        }
        return results;
    }
}
