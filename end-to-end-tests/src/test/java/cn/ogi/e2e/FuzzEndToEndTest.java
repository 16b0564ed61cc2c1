package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hostile corpora (HostileCorpus, seeded): ≥ 10,000 bodies per write endpoint and ≥ 2,000 parameter
 * combinations per read endpoint of all three services, sent to the running platform from 8 clients. No answer
 * is a 500; every 4xx is problem+json saying what and where; every NDJSON batch is answered line by line to its
 * summary; what was accepted is delivered once, and stats equals a rebuild afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzEndToEndTest {

    static final String COUNTY = "370181";
    static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Tally> TALLIES = Collections.synchronizedList(new ArrayList<>());
    /** Submissions answered 2xx, to check their delivery at the end. */
    private static final Set<String> ACCEPTED = ConcurrentHashMap.newKeySet();

    static Platform platform;
    static List<String> agencies;
    static String submitter;
    static String admin;

    @BeforeAll
    static void register() {
        platform = Platform.get();
        Registry.ensureTree(platform);
        platform.reportingAsAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "章丘区", "parent", "370100"))
                .put("/api/v1/jurisdictions/" + COUNTY)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        agencies = Registry.newAgencies(platform, COUNTY, 20);
        submitter = platform.token(Roles.SUBMITTER, "370100", "fuzz-system");
        admin = platform.token(Roles.ADMIN, null, "fuzz-admin");
        // intake learns the agencies from the feed before the corpus starts
        Platform.await(
                "intake to know the fuzz agencies",
                Duration.ofMinutes(1),
                () -> Platform.as(Platform.INTAKE, submitter)
                        .contentType(ContentType.JSON)
                        .body(Reports.json(
                                Reports.balanced(agencies.get(19), 2021, 5).build()))
                        .post("/api/v1/validate")
                        .then()
                        .extract()
                        .path("valid")
                        .equals(true));
    }

    @AfterAll
    static void report() {
        ReliabilityReport.write(TALLIES, "FuzzEndToEndTest and FaultEndToEndTest, 8 clients");
    }

    static String validReport(Random r) {
        String agency = agencies.get(r.nextInt(agencies.size()));
        int year = 2021 + r.nextInt(4);
        // with a reason: a second content for the same report is a correction reporting-service accepts
        return Reports.json(Reports.balanced(agency, year, 3 + r.nextInt(40))
                        .correctionReason("fuzz")
                        .build())
                .toString();
    }

    static Map<String, String> headers(String token, String contentType) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", contentType);
    }

    @Test
    @Order(1)
    void singleJsonSubmissions() {
        Tally tally = new Tally("POST /submissions (JSON), hostile bodies");
        int count = Hostile.scaled(10_000);
        Hostile.run(tally, count, CLIENTS, i -> {
            Random r = HostileCorpus.random("json", i);
            byte[] body = HostileCorpus.json(validReport(r), r);
            return new Hostile.Call(
                    "POST", Platform.INTAKE, "/api/v1/submissions", headers(submitter, "application/json"), body);
        });
        collectAccepted(tally);
        finish(tally);
    }

    @Test
    @Order(2)
    void ndjsonBatchLines() {
        Tally http = new Tally("POST /submissions/batch (NDJSON), the batches");
        Tally lines = new Tally("POST /submissions/batch (NDJSON), hostile lines");
        int batches = Hostile.scaled(100);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int batch = b;
                done.add(pool.submit(() -> sendBatch(http, batch)));
            }
            for (var f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        // the answers were checked line by line in batch(): see checkBatch
        for (Tally t : List.of(http, lines)) {
            TALLIES.add(t);
        }
        lines.attempted.set(BATCH_LINES.get());
        lines.ok.set(BATCH_OK.get());
        lines.clientErrors.set(BATCH_REFUSED.get());
        lines.serverErrors.set(BATCH_FAILED.get());
        BATCH_VIOLATIONS.forEach(lines::violation);
        assertEquals(BATCH_SENT.get(), BATCH_LINES.get(), "every non-blank line answered once");
        finish(http);
        assertEquals(List.of(), lines.violations);
        assertEquals(0, BATCH_FAILED.get(), "no line failed internally");
    }

    private static final java.util.concurrent.atomic.AtomicInteger BATCH_SENT =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger BATCH_LINES =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger BATCH_OK =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger BATCH_REFUSED =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger BATCH_FAILED =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final List<String> BATCH_VIOLATIONS = Collections.synchronizedList(new ArrayList<>());

    /** Batch {@code b}: 100 hostile lines, one corpus body a line; the answer is checked line by line. */
    private static void sendBatch(Tally http, int b) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            Random r = HostileCorpus.random("ndjson", b * 100 + i);
            byte[] line = HostileCorpus.json(validReport(r), r);
            if (r.nextInt(10) == 0) {
                line = HostileCorpus.utf8("{\"idempotencyKey\":\"fuzz-" + b + "-" + i + "\",\"report\":"
                        + new String(line, StandardCharsets.UTF_8) + "}");
            }
            for (byte x : line) {
                if (x != '\n') {
                    bytes.write(x);
                }
            }
            bytes.write('\n');
            if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                BATCH_SENT.incrementAndGet(); // a blank line is skipped, not answered
            }
        }
        Hostile.Call call = new Hostile.Call(
                "POST",
                Platform.INTAKE,
                "/api/v1/submissions/batch",
                headers(submitter, "application/x-ndjson"),
                bytes.toByteArray());
        HttpResponse<String> response = Hostile.send(http, call);
        if (response == null) {
            BATCH_VIOLATIONS.add("batch " + b + ": no answer");
        } else {
            checkBatch(b, response);
        }
    }

    static void checkBatch(int batch, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            BATCH_VIOLATIONS.add(
                    "batch " + batch + ": " + response.statusCode() + " " + Tally.shorten(response.body()));
            return;
        }
        String[] answer = response.body().strip().split("\n", -1);
        int previous = 0;
        for (int i = 0; i < answer.length; i++) {
            JsonNode result;
            try {
                result = JSON.readTree(answer[i]);
            } catch (Exception e) {
                BATCH_VIOLATIONS.add("batch " + batch + " answer line " + (i + 1) + " is not JSON: " + answer[i]);
                return;
            }
            if (result.has("summary")) {
                if (i != answer.length - 1
                        || result.get("summary").path("lines").asInt() != i) {
                    BATCH_VIOLATIONS.add("batch " + batch + ": summary misplaced or miscounted: " + result);
                }
                return;
            }
            int line = result.path("line").asInt();
            if (line <= previous) {
                BATCH_VIOLATIONS.add("batch " + batch + ": line " + line + " answered after line " + previous);
            }
            previous = line;
            BATCH_LINES.incrementAndGet();
            String status = result.path("status").asText();
            switch (status) {
                case "accepted", "repeated" -> {
                    BATCH_OK.incrementAndGet();
                    ACCEPTED.add(result.path("location").asText().replaceFirst("^https?://[^/]+", ""));
                }
                case "rejected", "invalid", "forbidden", "conflict" -> {
                    BATCH_REFUSED.incrementAndGet();
                    if (result.path("detail").asText().isBlank()
                            || Tally.INTERNALS.matcher(result.toString()).find()) {
                        BATCH_VIOLATIONS.add(
                                "batch " + batch + " line " + line + ": " + Tally.shorten(result.toString()));
                    }
                }
                default -> {
                    BATCH_FAILED.incrementAndGet();
                    BATCH_VIOLATIONS.add("batch " + batch + " line " + line + ": " + Tally.shorten(result.toString()));
                }
            }
        }
        BATCH_VIOLATIONS.add("batch " + batch + ": the answer has no summary line");
    }

    @Test
    @Order(3)
    void publishedTexts() {
        Tally submissions = new Tally("POST /submissions (text/plain), hostile texts");
        Tally parses = new Tally("POST /parse (text/plain), hostile texts");
        int count = Hostile.scaled(10_000);
        for (Tally tally : List.of(submissions, parses)) {
            String path = tally == submissions ? "/api/v1/submissions" : "/api/v1/parse";
            Hostile.run(tally, count, CLIENTS, i -> {
                Random r = HostileCorpus.random("text" + path, i);
                int year = 2021 + r.nextInt(4);
                String agency = agencies.get(r.nextInt(agencies.size()));
                String query = "?agencyCode=" + (r.nextInt(15) == 0 ? enc(ParameterPools.code(r)) : agency) + "&year="
                        + (r.nextInt(15) == 0 ? enc(ParameterPools.year(r)) : year) + "&correctionReason=fuzz";
                byte[] body = HostileCorpus.text(PublishedText.of("章丘测试局", year, 5 + r.nextInt(30), 3), r);
                return new Hostile.Call(
                        "POST", Platform.INTAKE, path + query, headers(submitter, "text/plain; charset=utf-8"), body);
            });
            if (tally == submissions) {
                collectAccepted(tally);
            }
            finish(tally);
        }
    }

    @Test
    @Order(4)
    void registryPuts() {
        Tally tally = new Tally("PUT /jurisdictions/{code}, /agencies/{code}, hostile bodies");
        int count = Hostile.scaled(10_000);
        Hostile.run(tally, count, CLIENTS, i -> {
            Random r = HostileCorpus.random("registry", i);
            boolean agency = r.nextBoolean();
            String code;
            String valid;
            if (agency) {
                code = r.nextInt(20) == 0 ? ParameterPools.code(r) : agencies.get(r.nextInt(agencies.size()));
                valid = "{\"name\":\"章丘测试局" + r.nextInt(1000) + "\",\"kind\":\"department\",\"jurisdiction\":\""
                        + COUNTY + "\",\"reportsFrom\":2019}";
            } else {
                code = r.nextInt(20) == 0 ? ParameterPools.code(r) : COUNTY;
                valid = "{\"name\":\"章丘区\",\"parent\":\"370100\",\"level\":\"county\"}";
            }
            return new Hostile.Call(
                    "PUT",
                    Platform.REPORTING,
                    "/api/v1/" + (agency ? "agencies/" : "jurisdictions/") + enc(code),
                    headers(admin, "application/json"),
                    HostileCorpus.registry(valid, r));
        });
        finish(tally);
    }

    @Test
    @Order(5)
    void readEndpointsOfAllThreeServices() {
        int count = Hostile.scaled(2_000);
        for (ParameterPools.Endpoint endpoint : ParameterPools.endpoints(agencies)) {
            Tally tally = new Tally("GET " + endpoint.label() + ", parameter combinations");
            Hostile.run(tally, count, CLIENTS, i -> {
                Random r = HostileCorpus.random(endpoint.label(), i);
                String token =
                        r.nextInt(4) == 0 ? platform.token(Roles.SUPERVISOR, "370100", "fuzz-supervisor") : admin;
                return new Hostile.Call(
                        "GET", endpoint.port(), endpoint.path(r), Map.of("Authorization", "Bearer " + token), null);
            });
            finish(tally);
        }
    }

    @Test
    @Order(6)
    void whatWasAcceptedIsDeliveredOnceAndStatsEqualsARebuild() {
        // 2xx: delivered; 4xx: refused by reporting-service on delivery (a settled outcome the client sees, e.g. a
        // second version without correctionReason); lost: accepted and never settled
        Tally delivery = new Tally("accepted fuzz submissions, their delivery");
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(5));
        int lost = 0;
        for (String location : ACCEPTED) {
            String status = Platform.as(Platform.INTAKE, submitter)
                    .get(location)
                    .then()
                    .extract()
                    .path("status");
            delivery.attempted.incrementAndGet();
            if ("DELIVERED".equals(status)) {
                delivery.ok.incrementAndGet();
            } else if ("REJECTED".equals(status)) {
                delivery.clientErrors.incrementAndGet();
            } else {
                lost++;
                delivery.violation(location + " ended " + status);
            }
        }
        delivery.lost = lost;
        delivery.duplicated = duplicatedVersions();
        TALLIES.add(delivery);
        StatsRebuild.awaitCaughtUp(platform, admin);
        platform.statsAsAdmin()
                .post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .body("equal", org.hamcrest.Matchers.is(true));
        assertEquals(List.of(), delivery.violations);
        assertEquals(0, delivery.duplicated, "no accepted submission became two versions");
    }

    /** Versions in reporting beyond the changed contents intake delivered, per report of the fuzz agencies. */
    private static int duplicatedVersions() {
        int duplicated = 0;
        for (String agency : agencies) {
            for (int year = 2021; year <= 2024; year++) {
                var response = platform.reportingAsAdmin().get("/api/v1/reports/" + agency + "/" + year + "/versions");
                if (response.statusCode() != 200) {
                    continue;
                }
                List<Integer> versions = response.jsonPath().getList("version", Integer.class);
                for (int i = 0; i < versions.size(); i++) {
                    if (versions.get(i) != i + 1) {
                        duplicated++;
                    }
                }
            }
        }
        return duplicated;
    }

    private static void collectAccepted(Tally tally) {
        tally.locations.forEach(l -> ACCEPTED.add(l.replaceFirst("^https?://[^/]+", "")));
    }

    private static void finish(Tally tally) {
        TALLIES.add(tally);
        System.out.println(tally.row() + " slowest: " + tally.slowest());
        assertEquals(0, tally.status500.get(), tally.name + ": no 500 — " + tally.violations);
        assertEquals(List.of(), tally.violations, tally.name);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
