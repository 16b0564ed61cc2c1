package cn.ogi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Faults of the running platform: kill -9 of each service during a 2,000-line batch, the database going away
 * under 8 clients, and the forged and lax tokens. Nothing accepted is lost or doubled, stats equals a rebuild,
 * clients see 503 with Retry-After while the database is away, and every bad token is a 401 (or 403: scope).
 */
class FaultEndToEndTest {

    static final int LINES = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Tally> TALLIES = Collections.synchronizedList(new ArrayList<>());

    final Platform platform = Platform.get();
    final String admin = platform.token(Roles.ADMIN, null, "fault-admin");

    @AfterAll
    static void report() {
        ReliabilityReport.write(TALLIES, "FuzzEndToEndTest and FaultEndToEndTest, 8 clients");
    }

    @Test
    void killingIntakeMidBatchThenResendingTheBatchLosesAndDoublesNothing() throws Exception {
        Fixture f = fixture("370182", "平阴县-intake");
        CompletableFuture<HttpResponse<String>> first = sendBatch(f);
        ServiceProcess.sleep(1500);
        platform.intake.kill();
        platform.intake.start(false);
        first.handle((r, e) -> null).get();
        Tally tally = new Tally("kill -9 intake during a 2,000-line batch, batch sent again");
        HttpResponse<String> again = sendBatch(f).get();
        tally.record("POST /submissions/batch again", again);
        Map<String, Integer> summary = summary(again.body());
        assertEquals(
                LINES,
                summary.get("accepted") + summary.get("repeated"),
                again.body().substring(0, 200));
        settle(f, tally);
    }

    @Test
    void killingReportingDuringDeliveryLosesAndDoublesNothing() throws Exception {
        Fixture f = fixture("370183", "商河县-reporting");
        HttpResponse<String> answer = sendBatch(f).get();
        Tally tally = new Tally("kill -9 reporting during delivery of a 2,000-line batch");
        tally.record("POST /submissions/batch", answer);
        platform.reporting.kill();
        ServiceProcess.sleep(1000);
        platform.reporting.start(false);
        settle(f, tally);
    }

    /**
     * reporting-service killed while the relay's batched deliveries are running: some batches committed, others in
     * flight (their transactions die with the process, intake's calls get no answer). Every report ends exactly once.
     */
    @Test
    void killingReportingInTheMiddleOfBatchedDeliveriesLosesAndDoublesNothing() throws Exception {
        Fixture f = fixture("370186", "天桥区-mid-batch");
        var intakeBefore = MetricsEndToEndTest.scrape(Platform.INTAKE);
        double createdBefore = createdVersions();
        CompletableFuture<HttpResponse<String>> answer = sendBatch(f);
        double[] storedAtKill = {0};
        Platform.await("reporting-service to have stored a first batch", Duration.ofMinutes(2), () -> {
            storedAtKill[0] = createdVersions() - createdBefore;
            return storedAtKill[0] >= 100;
        });
        platform.reporting.kill();
        Tally tally = new Tally("kill -9 reporting in the middle of batched deliveries of a 2,000-line batch");
        tally.record("POST /submissions/batch", answer.get());
        ServiceProcess.sleep(1000);
        platform.reporting.start(false);
        var intakeAfterKill = MetricsEndToEndTest.scrape(Platform.INTAKE);
        settle(f, tally);
        double calls = intakeAfterKill.sum("ogi_intake_delivery_batch_size_count")
                - intakeBefore.sum("ogi_intake_delivery_batch_size_count");
        double carried = intakeAfterKill.sum("ogi_intake_delivery_batch_size_sum")
                - intakeBefore.sum("ogi_intake_delivery_batch_size_sum");
        assertTrue(calls > 0 && carried / calls > 1, "the relay delivered in batches: " + carried + " in " + calls);
        assertTrue(
                intakeAfterKill.sum("ogi_intake_deliveries_seconds_count", "outcome", "failed")
                        > intakeBefore.sum("ogi_intake_deliveries_seconds_count", "outcome", "failed"),
                "calls failed while reporting-service was away, and were retried");
        assertTrue(storedAtKill[0] < LINES, "killed with " + storedAtKill[0] + " of " + LINES + " versions stored");
    }

    @Test
    void killingStatsDuringTheBatchLeavesStatsEqualToARebuild() throws Exception {
        Fixture f = fixture("370184", "济阳区-stats");
        CompletableFuture<HttpResponse<String>> answer = sendBatch(f);
        ServiceProcess.sleep(2000);
        platform.stats.kill();
        ServiceProcess.sleep(1000);
        platform.stats.start(false);
        Tally tally = new Tally("kill -9 stats during a 2,000-line batch");
        tally.record("POST /submissions/batch", answer.get());
        settle(f, tally);
    }

    /**
     * The databases of this run refuse connections for a while (ALLOW_CONNECTIONS false and their sessions ended —
     * only this run's databases, other suites on the same server are not touched); with OGI_FAULT_PG_RESTART=true
     * (CI) the whole PostgreSQL server is restarted instead. 8 clients keep writing and reading throughout: every
     * answer is 2xx or 503 with Retry-After, readiness goes DOWN and comes back UP by itself.
     */
    @Test
    void theDatabaseGoingAwayGivesOnly503WithRetryAfterAndEverythingComesBack() throws Exception {
        Fixture f = fixture("370185", "钢城区-outage");
        Tally tally = new Tally(
                restartServer()
                        ? "PostgreSQL restart (pg_ctlcluster) under 8 clients"
                        : "databases unreachable (connections refused) under 8 clients");
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    Hostile.Call call = outageCall(f, client, i);
                    HttpResponse<String> r = Hostile.send(tally, call);
                    if (r != null && r.statusCode() == 202) {
                        r.headers().firstValue("Location").ifPresent(accepted::add);
                    }
                    ServiceProcess.sleep(20);
                }
            });
            t.start();
            clients.add(t);
        }
        ServiceProcess.sleep(2000);
        boolean sawDown = false;
        try {
            takeDatabasesAway();
            Instant until = Instant.now().plusSeconds(restartServer() ? 4 : 8); // the whole server: briefly
            while (Instant.now().isBefore(until)) {
                sawDown |= readiness(Platform.INTAKE) == 503 && readiness(Platform.REPORTING) == 503;
                ServiceProcess.sleep(500);
            }
        } finally {
            bringDatabasesBack();
        }
        Platform.await(
                "every service ready again",
                Duration.ofSeconds(90),
                () -> readiness(Platform.INTAKE) == 200
                        && readiness(Platform.REPORTING) == 200
                        && readiness(Platform.STATS) == 200);
        ServiceProcess.sleep(2000);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        assertTrue(sawDown, "readiness went DOWN while the databases were away");
        assertTrue(tally.unavailable.get() > 0, "clients were told 503 during the outage");
        assertEquals(0, tally.status500.get(), tally.violations.toString());
        assertEquals(
                List.of(),
                tally.violations.stream()
                        .filter(v -> !v.contains(": no answer"))
                        .toList());
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(3));
        int lost = 0;
        for (String location : accepted) {
            if (!"DELIVERED"
                    .equals(Platform.as(Platform.INTAKE, f.submitter())
                            .get(location.replaceFirst("^https?://[^/]+", ""))
                            .then()
                            .extract()
                            .path("status"))) {
                lost++;
            }
        }
        tally.lost = lost;
        tally.duplicated = 0;
        StatsRebuild.awaitCaughtUp(platform, admin);
        platform.statsAsAdmin()
                .post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .body("equal", org.hamcrest.Matchers.is(true));
        TALLIES.add(tally);
        assertEquals(0, lost);
    }

    @Test
    void forgedAndLaxTokensAreRefusedEverywhere() {
        Tally tally = new Tally("forged and lax tokens × every service");
        long now = Instant.now().getEpochSecond();
        String issuer = "https://ogi.local/issuer";
        String rs = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", platform.rawToken(rs, claims(issuer, now - 7200, now - 3600, "[\"admin\"]", null), true));
        tokens.put(
                "100-year lifetime",
                platform.rawToken(rs, claims(issuer, now, now + 3_155_760_000L, "[\"admin\"]", null), true));
        tokens.put(
                "issued a day ahead",
                platform.rawToken(rs, claims(issuer, now + 86_400, now + 90_000, "[\"admin\"]", null), true));
        tokens.put(
                "service token for 60 days",
                platform.rawToken(rs, claims(issuer, now, now + 60 * 86_400L, "[\"service\"]", null), true));
        tokens.put("roles a string", platform.rawToken(rs, claims(issuer, now, now + 600, "\"admin\"", null), true));
        tokens.put("roles a number", platform.rawToken(rs, claims(issuer, now, now + 600, "7", null), true));
        tokens.put(
                "roles an object",
                platform.rawToken(rs, claims(issuer, now, now + 600, "{\"admin\":true}", null), true));
        tokens.put("roles missing", platform.rawToken(rs, claims(issuer, now, now + 600, null, null), true));
        tokens.put("roles empty", platform.rawToken(rs, claims(issuer, now, now + 600, "[]", null), true));
        tokens.put("roles of numbers", platform.rawToken(rs, claims(issuer, now, now + 600, "[1,2]", null), true));
        tokens.put(
                "supervisor without jurisdiction",
                platform.rawToken(rs, claims(issuer, now, now + 600, "[\"supervisor\"]", null), true));
        tokens.put(
                "jurisdiction a number",
                platform.rawToken(rs, claims(issuer, now, now + 600, "[\"supervisor\"]", "370100"), true));
        tokens.put(
                "jurisdiction malformed",
                platform.rawToken(rs, claims(issuer, now, now + 600, "[\"supervisor\"]", "\"37\""), true));
        tokens.put(
                "jurisdiction an array",
                platform.rawToken(rs, claims(issuer, now, now + 600, "[\"supervisor\"]", "[\"370100\"]"), true));
        tokens.put(
                "no iat",
                platform.rawToken(
                        rs,
                        "{\"iss\":\"" + issuer + "\",\"sub\":\"x\",\"exp\":" + (now + 600) + ",\"roles\":[\"admin\"]}",
                        true));
        tokens.put(
                "wrong issuer",
                platform.rawToken(rs, claims("https://evil.example/", now, now + 600, "[\"admin\"]", null), true));
        tokens.put(
                "alg none",
                platform.rawToken("{\"alg\":\"none\"}", claims(issuer, now, now + 600, "[\"admin\"]", null), false));
        tokens.put(
                "HS256 with the public key",
                hs256(platform.publicKeyPem(), claims(issuer, now, now + 600, "[\"admin\"]", null)));
        tokens.put("signature of another token", tamper(platform.token(Roles.VIEWER, "371500", "v")));
        tokens.put("garbage", "not.a.token");
        tokens.put("empty", "");
        List<Hostile.Call> targets = List.of(
                get(Platform.INTAKE, "/api/v1/audit"),
                get(Platform.REPORTING, "/api/v1/audit"),
                get(Platform.STATS, "/api/v1/audit"),
                get(Platform.REPORTING, "/api/v1/reports"),
                get(Platform.STATS, "/api/v1/stats/applications?year=2023"),
                get(Platform.INTAKE, "/api/v1/submissions/00000000-0000-0000-0000-000000000000"));
        List<String> wrong = new ArrayList<>();
        for (var token : tokens.entrySet()) {
            for (Hostile.Call target : targets) {
                HttpResponse<String> r = Hostile.send(tally, withToken(target, token.getValue()));
                if (r == null || r.statusCode() != 401) {
                    wrong.add(
                            token.getKey() + " → " + target.describe() + ": " + (r == null ? "none" : r.statusCode()));
                }
            }
        }
        // a valid token outside its scope: 403
        String countySupervisor = platform.token(Roles.SUPERVISOR, "371502", "county-supervisor");
        HttpResponse<String> r = Hostile.send(
                tally,
                withToken(
                        get(Platform.STATS, "/api/v1/stats/applications?year=2023&jurisdiction=370000"),
                        countySupervisor));
        if (r == null || r.statusCode() != 403) {
            wrong.add("county supervisor asking for the province: " + (r == null ? "none" : r.statusCode()));
        }
        tally.lost = 0;
        tally.duplicated = 0;
        TALLIES.add(tally);
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), tally.violations);
    }

    // ---- the fixture of a kill: a county, 400 agencies × 5 years = 2,000 lines ----

    record Fixture(String county, List<String> agencies, String submitter, String ndjson, int total) {}

    private Fixture fixture(String county, String name) throws Exception {
        Registry.ensureTree(platform);
        platform.reportingAsAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "parent", "370100"))
                .put("/api/v1/jurisdictions/" + county)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        List<String> agencies = Registry.newAgencies(platform, county, LINES / 5);
        String submitter = platform.token(Roles.SUBMITTER, "370100", "fault-" + county);
        StringBuilder ndjson = new StringBuilder();
        int total = 0;
        for (int i = 0; i < agencies.size(); i++) {
            for (int year = 2021; year <= 2024; year++) {
                int received = 3 + (i + year) % 11;
                total += year == 2023 ? received : 0;
                ndjson.append(JSON.writeValueAsString(Reports.json(Reports.balanced(agencies.get(i), year, received)
                                .build())))
                        .append('\n');
            }
            // a correction of 2024 in the same batch: that report ends at version 2
            ndjson.append(JSON.writeValueAsString(Reports.json(Reports.balanced(agencies.get(i), 2024, 30)
                            .correctionReason("recounted")
                            .build())))
                    .append('\n');
        }
        // intake must know the agencies before the batch: wait for the directory to follow the feed
        String last = agencies.get(agencies.size() - 1);
        Platform.await(
                "intake to know " + last,
                Duration.ofMinutes(1),
                () -> Boolean.TRUE.equals(Platform.as(Platform.INTAKE, submitter)
                        .contentType(ContentType.JSON)
                        .body(Reports.json(Reports.balanced(last, 2021, 5).build()))
                        .post("/api/v1/validate")
                        .then()
                        .extract()
                        .path("valid")));
        return new Fixture(county, agencies, submitter, ndjson.toString(), total);
    }

    private CompletableFuture<HttpResponse<String>> sendBatch(Fixture f) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + Platform.INTAKE + "/api/v1/submissions/batch"))
                .header("Authorization", "Bearer " + f.submitter())
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(f.ndjson(), StandardCharsets.UTF_8))
                .build();
        return Hostile.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for delivery, then checks: every line's report exactly once, stats equal to its sum and a rebuild. */
    private void settle(Fixture f, Tally tally) {
        Reports.awaitOutboxEmpty(platform, Duration.ofMinutes(5));
        int reports = 0;
        int duplicated = 0;
        int page = 0;
        while (true) {
            var list = platform.reportingAsAdmin()
                    .queryParam("jurisdiction", f.county())
                    .queryParam("size", 500)
                    .queryParam("page", page++)
                    .get("/api/v1/reports")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = list.getList("items");
            for (Map<String, Object> item : items) {
                reports++;
                int year = ((Number) item.get("year")).intValue();
                int expected = year == 2024 ? 2 : 1; // 2024 has a correction line
                int version = ((Number) item.get("version")).intValue();
                if (version > expected) {
                    duplicated += version - expected;
                }
            }
            if (items.size() < 500) {
                break;
            }
        }
        int expectedReports = f.agencies().size() * 4;
        tally.lost = Math.max(0, expectedReports - reports);
        tally.duplicated = duplicated;
        StatsRebuild.awaitCaughtUp(platform, admin);
        int newReceived = Platform.as(Platform.STATS, admin)
                .queryParam("jurisdiction", f.county())
                .queryParam("year", 2023)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("total.newReceived");
        platform.statsAsAdmin()
                .post("/api/v1/stats/rebuild")
                .then()
                .statusCode(200)
                .body("equal", org.hamcrest.Matchers.is(true));
        TALLIES.add(tally);
        assertEquals(expectedReports, reports, "every report of the batch is in reporting-service");
        assertEquals(0, duplicated, "no report has a version too many");
        assertEquals(f.total(), newReceived, "stats shows exactly the batch's numbers");
        assertEquals(List.of(), tally.violations);
    }

    /** reporting-service's count of versions created (deliveries answered "created"); -1 when it does not answer. */
    private static double createdVersions() {
        try {
            return MetricsEndToEndTest.scrape(Platform.REPORTING)
                    .sum("ogi_reporting_versions_total", "outcome", "created");
        } catch (RuntimeException down) {
            return -1;
        }
    }

    private static Map<String, Integer> summary(String ndjson) throws Exception {
        String[] lines = ndjson.strip().split("\n", -1);
        JsonNode summary = JSON.readTree(lines[lines.length - 1]).get("summary");
        Map<String, Integer> counts = new LinkedHashMap<>();
        summary.fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    // ---- the outage ----

    private static boolean restartServer() {
        return "true".equals(System.getenv("OGI_FAULT_PG_RESTART"));
    }

    private static List<String> databases() {
        String suffix = System.getenv().getOrDefault("OGI_DB_SUFFIX", "");
        return List.of("intake_e2e" + suffix, "reporting_e2e" + suffix, "stats_e2e" + suffix);
    }

    private static void takeDatabasesAway() throws Exception {
        if (restartServer()) {
            Process stop = new ProcessBuilder("pg_ctlcluster", "15", "main", "stop", "-m", "fast")
                    .inheritIO()
                    .start();
            stop.waitFor();
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "ogi", "ogi");
                Statement s = c.createStatement()) {
            for (String db : databases()) {
                s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
                // only this run's sessions (the services connect as ogi); never another role's
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db
                        + "' AND usename = current_user AND pid <> pg_backend_pid()");
            }
        }
    }

    private static void bringDatabasesBack() throws Exception {
        if (restartServer()) {
            Process start = new ProcessBuilder("pg_ctlcluster", "15", "main", "start")
                    .inheritIO()
                    .start();
            start.waitFor();
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "ogi", "ogi");
                Statement s = c.createStatement()) {
            for (String db : databases()) {
                s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            }
        }
    }

    private static int readiness(int port) {
        try {
            return Hostile.HTTP
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private Hostile.Call outageCall(Fixture f, int client, int i) {
        String agency = f.agencies().get((client * 50 + i) % f.agencies().size());
        return switch (i % 4) {
            case 0 ->
                new Hostile.Call(
                        "POST",
                        Platform.INTAKE,
                        "/api/v1/submissions",
                        Map.of(
                                "Authorization",
                                "Bearer " + f.submitter(),
                                "Content-Type",
                                "application/json",
                                "Idempotency-Key",
                                "outage-" + client + "-" + i),
                        Reports.json(Reports.balanced(agency, 2021 + i % 4, 3 + i % 17)
                                        .correctionReason("outage test")
                                        .build())
                                .toString()
                                .getBytes(StandardCharsets.UTF_8));
            case 1 -> get(Platform.REPORTING, "/api/v1/reports?jurisdiction=" + f.county(), admin);
            case 2 -> get(Platform.STATS, "/api/v1/stats/applications?year=2023&jurisdiction=" + f.county(), admin);
            default -> get(Platform.INTAKE, "/api/v1/audit?size=5", admin);
        };
    }

    // ---- tokens ----

    private static String claims(String issuer, long iat, long exp, String roles, String jurisdiction) {
        StringBuilder c =
                new StringBuilder("{\"iss\":\"" + issuer + "\",\"sub\":\"forger\",\"iat\":" + iat + ",\"exp\":" + exp);
        if (roles != null) {
            c.append(",\"roles\":").append(roles);
        }
        if (jurisdiction != null) {
            c.append(",\"jurisdiction\":").append(jurisdiction);
        }
        return c.append('}').toString();
    }

    private static String hs256(String secret, String claims) {
        try {
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload is swapped for an admin one: the signature no longer matches. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.", -1);
        String admin = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"viewer\"", "\"admin\"")
                        .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + admin + "." + parts[2];
    }

    private Hostile.Call get(int port, String path) {
        return get(port, path, admin);
    }

    private static Hostile.Call get(int port, String path, String token) {
        return new Hostile.Call("GET", port, path, Map.of("Authorization", "Bearer " + token), null);
    }

    private static Hostile.Call withToken(Hostile.Call call, String token) {
        return new Hostile.Call(
                call.method(), call.port(), call.path(), Map.of("Authorization", "Bearer " + token), call.body());
    }
}
