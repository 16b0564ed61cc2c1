package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.testing.TestTokens;
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
                    : TestReports.json(TestReports.balanced(agency, 2021 + line % 3)
                            .agencyName("line " + line)); // distinct contents: none is a repeat of another
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
    void answersNothingUntilTheWholeBodyIsReadSoAClientThatReadsOnlyAfterSendingCannotDeadlock() throws Exception {
        String agency = agencies.register("371502");
        StringBuilder first = new StringBuilder();
        for (int line = 1; line <= 600; line++) { // more than a chunk (intake.batch.chunk, 500): stored meanwhile
            first.append(JSON.writeValueAsString(TestReports.json(
                            TestReports.balanced(agency, 2021 + line % 3).agencyName("行 " + line))))
                    .append('\n');
        }
        String rest = JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2024))) + "\n";
        byte[] head = first.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = rest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/submissions/batch HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: "
                            + cn.ogi.web.testing.TestTokens.bearer(cn.ogi.web.testing.TestTokens.admin())
                            + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + (head.length + tail.length)
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(head);
            out.flush();
            socket.setSoTimeout(4000);
            java.io.InputStream in = socket.getInputStream();
            // 600 lines stored by now (or soon): their results must wait for the rest of the body
            assertThrows(java.net.SocketTimeoutException.class, in::read, "an answer before the body ended");
            out.write(tail);
            out.flush();
            socket.setSoTimeout(60_000);
            String answer = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(
                    answer.startsWith("HTTP/1.1 200"),
                    answer.lines().findFirst().orElse(""));
            String results = answer.replaceAll("\r\n[0-9a-fA-F]+\r\n", ""); // without the chunks' framing
            assertEquals(601, results.split("\"status\":\"accepted\"", -1).length - 1);
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

    @Test
    void aLineWhoseKeyWasUsedWithAnotherReportIsAConflictNamingTheFirstSubmission() throws Exception {
        String agency = agencies.register("371502");
        String key = "batch-key-" + UUID.randomUUID();
        String first = "{\"idempotencyKey\": \"" + key + "\", \"report\": "
                + JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2021))) + "}\n";
        String other = "{\"idempotencyKey\": \"" + key + "\", \"report\": "
                + JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2022))) + "}\n";
        List<JsonNode> stored = results(given().contentType("application/x-ndjson")
                .body(first.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String answer = given().contentType("application/x-ndjson")
                .body(other.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertEquals("accepted", stored.get(0).get("status").asText());
        String id = stored.get(0).get("id").asText();
        assertEquals(
                "{\"line\":1,\"status\":\"conflict\",\"idempotencyKey\":\"" + key + "\",\"detail\":"
                        + "\"Idempotency-Key " + key + " was already used with a different body (submission " + id
                        + "); use a new key for a different report\"}",
                answer.lines().findFirst().orElse(""));
        assertEquals(1, summary(answer).get("conflict").asInt());
        assertEquals(1, agencies.count("SELECT count(*) FROM submission WHERE agency_code = '" + agency + "'"));
    }

    @Test
    void everyLineIsAnsweredInOrderWhateverItHoldsAndTheSummaryCountsThem() throws Exception {
        String agency = agencies.register("371502");
        String outside = agencies.register("370102");
        String good = JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2021)));
        byte[] notUtf8 = {(byte) 0xC4, (byte) 0xE3, '\n'};
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        List<String> lines = List.of(
                good, // 1 accepted
                good.replace("\"naturalPerson\":8", "\"naturalPerson\":1e309"), // 2 rejected: VALUE-RANGE
                "[".repeat(5000) + "]".repeat(5000), // 3 invalid: nesting
                good.replace("{\"agencyCode\"", "{\"agencyName\":\"局\\u0000\",\"agencyCode\""), // control character
                "{\"idempotencyKey\": \"own-key-1\", \"report\": "
                        + JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2022))) + "}", // 5
                JSON.writeValueAsString(TestReports.json(TestReports.balanced(outside, 2021))), // 6 forbidden
                "x".repeat(1024 * 1024 + 10)); // 7 invalid: too long
        for (String line : lines.subList(0, 3)) {
            body.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(notUtf8); // 4: not UTF-8
        for (String line : lines.subList(3, lines.size())) {
            body.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // 9: repeated, no final newline

        String answer = given().contentType("application/x-ndjson")
                .header("Authorization", TestTokens.bearer(TestTokens.token("submitter", "371500", "batch-system")))
                .body(body.toByteArray())
                .post("/api/v1/submissions/batch")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<JsonNode> results = results(answer);
        assertEquals(
                List.of(
                        "1 accepted",
                        "2 rejected",
                        "3 invalid",
                        "4 invalid",
                        "5 invalid",
                        "6 accepted",
                        "7 forbidden",
                        "8 invalid",
                        "9 repeated"),
                results.stream()
                        .map(r -> r.get("line").asInt() + " " + r.get("status").asText())
                        .toList(),
                answer);
        assertTrue(results.get(1).get("findings").toString().contains("VALUE-RANGE"));
        assertTrue(results.get(1).get("findings").toString().contains("applications.granted.naturalPerson"));
        assertEquals("own-key-1", results.get(5).get("idempotencyKey").asText());
        JsonNode summary = summary(answer);
        assertEquals(9, summary.get("lines").asInt());
        assertEquals(2, summary.get("accepted").asInt());
        assertEquals(4, summary.get("invalid").asInt());
        assertEquals(1, summary.get("repeated").asInt());
        assertEquals(1, summary.get("forbidden").asInt());
        assertEquals(0, summary.get("error").asInt());
        assertTrue(!answer.contains("Exception") && !answer.contains("StreamReadFeature"), answer);
    }

    @Test
    void resendingABatchWithoutAnyKeyRepeatsNothing() throws Exception {
        String agency = agencies.register("371502");
        String body = JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2021))) + "\n"
                + JSON.writeValueAsString(TestReports.json(TestReports.balanced(agency, 2023))) + "\n";

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results(given().contentType("application/x-ndjson")
                            .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .post("/api/v1/submissions/batch")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .forEach(r -> statuses.add(r.get("status").asText()));
        }

        assertEquals(List.of("accepted", "accepted", "repeated", "repeated"), statuses);
        assertEquals(2, agencies.count("SELECT count(*) FROM submission WHERE agency_code = '" + agency + "'"));
    }

    /** The per-line results, without the summary line (which must be the last line). */
    private static List<JsonNode> results(String ndjson) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        String[] lines = ndjson.strip().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            JsonNode node = JSON.readTree(lines[i]);
            if (node.has("summary")) {
                assertEquals(lines.length - 1, i, "the summary is the last line");
            } else {
                results.add(node);
            }
        }
        return results;
    }

    private static JsonNode summary(String ndjson) throws Exception {
        String[] lines = ndjson.strip().split("\n", -1);
        return JSON.readTree(lines[lines.length - 1]).get("summary");
    }
}
