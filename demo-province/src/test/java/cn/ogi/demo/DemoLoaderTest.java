package cn.ogi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loader against a stand-in for the two services (loopback, JDK HTTP server). */
class DemoLoaderTest {

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger backlogPolls = new AtomicInteger();
    private volatile String batchStatus = "accepted";
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void importsTheRegistryThenSendsEveryReportInChunksUnderStableKeysAndWaitsForDelivery() throws Exception {
        Demo demo = DemoProvince.generate(DemoSettings.small());
        URI base = start();

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new DemoLoader(base, base, "T0KEN", 100, Duration.ofSeconds(30)).load(demo);
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        stdout.print(output);
        // progress as it goes (not a terminal: whole lines): delivered of the total, the rate, the time left
        int total = demo.submissions().size();
        assertTrue(
                Pattern.compile("demo: delivered: [\\d,]+/" + String.format(Locale.ROOT, "%,d", total)
                                + " reports \\(\\d+%\\), [\\d.,]+ reports/s, [\\d.]+ s elapsed, [^\\n]*(left|unknown)")
                        .matcher(output)
                        .find(),
                output);
        assertTrue(
                output.contains(String.format(Locale.ROOT, "demo: delivered: %,d/%,d reports (100%%)", total, total)),
                output);

        assertEquals(
                "POST /api/v1/registry/import text/csv; charset=utf-8 subject=demo-loader auth=Bearer T0KEN lines="
                        + demo.registryCsv().lines().count(),
                calls.get(0));
        List<String> batches = calls.stream()
                .filter(c -> c.startsWith("POST /api/v1/submissions/batch"))
                .toList();
        int lines = 0;
        int expectedBatches = 0;
        for (int year = 2019; year <= 2024; year++) {
            int n = demo.submissions(year).size();
            expectedBatches += (n + 99) / 100;
            assertTrue(
                    batches.stream()
                            .anyMatch(b -> b.contains("key=demo-2024-")
                                    && b.contains("-" + demo.settings().fingerprint() + "-")),
                    batches.toString());
        }
        for (String batch : batches) {
            lines += Integer.parseInt(batch.substring(batch.indexOf("lines=") + 6));
            assertTrue(batch.contains("subject=demo-loader auth=Bearer T0KEN"), batch);
            assertTrue(
                    batch.contains("query=importedHistory=true "), "the demo is marked as imported history: " + batch);
        }
        assertEquals(expectedBatches, batches.size());
        assertEquals(demo.submissions().size(), lines);
        assertEquals(
                batches.size(),
                batches.stream()
                        .map(b -> b.substring(b.indexOf("key=")))
                        .distinct()
                        .count());
        assertTrue(backlogPolls.get() >= 6, "waits for the outbox after every year");
    }

    @Test
    void aRefusedLineFailsTheLoadLoudly() throws Exception {
        Demo demo = DemoProvince.generate(DemoSettings.small().withYears(2023, 2023));
        URI base = start();
        batchStatus = "rejected";

        DemoLoader.LoadFailure failure = assertThrows(
                DemoLoader.LoadFailure.class,
                () -> new DemoLoader(base, base, null, 1000, Duration.ofSeconds(5)).load(demo));
        assertTrue(failure.getMessage().contains("rejected"), failure.getMessage());
        assertTrue(calls.stream().allMatch(c -> c.contains("auth=none")), "no token, no Authorization header");
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new DemoLoader(
                        URI.create("http://192.0.2.1:8081"),
                        URI.create("http://localhost:8082"),
                        null,
                        10,
                        Duration.ofSeconds(1)));
    }

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        long lines = body.lines().filter(l -> !l.isBlank()).count();
        String query = exchange.getRequestURI().getQuery();
        calls.add(exchange.getRequestMethod() + " " + path + " "
                + (exchange.getRequestHeaders().getFirst("Content-Type") + " ")
                + (query == null ? "" : "query=" + query + " ")
                + "subject=" + exchange.getRequestHeaders().getFirst("X-Ogi-Subject")
                + " auth=" + (auth == null ? "none" : auth) + (key == null ? "" : " key=" + key) + " lines=" + lines);
        String answer = switch (path) {
            case "/api/v1/registry/import" -> "{\"jurisdictions\": 7, \"agencies\": 43}";
            case "/api/v1/validate" -> "{\"valid\": true, \"findings\": []}";
            case "/api/v1/submissions/batch" -> {
                StringBuilder results = new StringBuilder();
                for (int n = 1; n <= lines; n++) {
                    results.append("{\"line\": ")
                            .append(n)
                            .append(", \"status\": \"")
                            .append(batchStatus)
                            .append("\"}\n");
                }
                yield results.toString();
            }
            case "/q/health/ready" -> {
                // intake does not report its backlog yet, then a backlog, then none: the loader waits on through all
                int poll = backlogPolls.incrementAndGet();
                String backlog = poll % 3 == 1 ? "null" : poll % 3 == 2 ? "3" : "0";
                yield "{\"status\": \"UP\", \"checks\": [{\"name\": \"outbox\", \"status\": \"UP\", \"data\": "
                        + "{\"backlog\": " + backlog + "}}]}";
            }
            default -> null;
        };
        byte[] bytes = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
