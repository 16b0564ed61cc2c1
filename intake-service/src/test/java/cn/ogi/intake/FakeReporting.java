package cn.ogi.intake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for reporting-service's delivery endpoints, for tests that look at what intake's relay sends: it keeps
 * every request and answers each with version 1 (the end-to-end tests deliver to the real service). Its batch
 * endpoint is absent (404, as in a reporting-service before batches) unless a test turns it on ({@link #batches}).
 */
public final class FakeReporting {

    /**
     * One delivery as received: the path, the Delivery-Key header, the body and the trace it continues (the
     * traceparent header of a single delivery, the item's traceparent in a batch; null without).
     */
    public record Received(String path, String deliveryKey, String body, String traceparent) {}

    /** Chosen once, before Quarkus starts, so that the test profile can point the REST client at it. */
    public static final int PORT = freePort();

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Every delivery, by itself or in a batch, in the order received. */
    private static final List<Received> IN_ORDER = new CopyOnWriteArrayList<>();

    private static HttpServer server;

    /** Agencies whose deliveries are answered 413 (a published original beyond reporting-service's bound). */
    private static final java.util.Set<String> TOO_LARGE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Agencies whose deliveries are answered 409 report-locked (single and in batches). */
    private static final java.util.Set<String> LOCKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Agencies whose deliveries in a batch are answered with a status that is not final (to be retried). */
    private static final java.util.Set<String> UNSETTLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** How the batch endpoint behaves: absent (404, as an older reporting-service), answering, or cut off. */
    public enum Batches {
        ABSENT,
        ANSWERED,
        CUT_OFF
    }

    private static volatile Batches batches = Batches.ABSENT;
    private static volatile long batchDelayMillis;
    private static final List<List<Received>> BATCHES = new CopyOnWriteArrayList<>();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private FakeReporting() {}

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/reports/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Received received = new Received(
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Delivery-Key"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("traceparent"));
                RECEIVED.add(received);
                IN_ORDER.add(received);
            }
            String[] parts = exchange.getRequestURI().getPath().split("/", -1);
            if (LOCKED.contains(parts[4])) {
                byte[] problem = ("{\"type\":\"https://ogi.example.cn/problems/report-locked\",\"status\":409,"
                                + "\"detail\":\"The report is approved and locked\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(409, problem.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(problem);
                }
                return;
            }
            if (TOO_LARGE.contains(parts[4])) {
                byte[] problem = "{\"status\":413,\"detail\":\"'originalBytes' holds more than 10 bytes\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(413, problem.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(problem);
                }
                return;
            }
            byte[] answer = ("{\"agencyCode\":\"" + parts[4] + "\",\"year\":" + parts[5]
                            + ",\"version\":1,\"unchanged\":false,\"replayed\":false,\"findings\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.createContext("/api/v1/deliveries", exchange -> {
            if (batches == Batches.ABSENT) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            com.fasterxml.jackson.databind.JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            }
            List<Received> items = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode item : body.get("deliveries")) {
                items.add(new Received(
                        "/api/v1/reports/" + item.get("agencyCode").asText() + "/"
                                + item.get("year").asInt() + "/versions",
                        item.get("deliveryKey").asText(),
                        item.get("submission").toString(),
                        item.hasNonNull("traceparent") ? item.get("traceparent").asText() : null));
            }
            BATCHES.add(items);
            IN_ORDER.addAll(items);
            sleep(batchDelayMillis);
            if (batches == Batches.CUT_OFF) {
                // reporting-service dies mid-batch: the connection ends without an answer
                exchange.close();
                return;
            }
            StringBuilder results = new StringBuilder("{\"results\":[");
            for (int i = 0; i < items.size(); i++) {
                Received item = items.get(i);
                String[] parts = item.path().split("/", -1);
                results.append(i == 0 ? "" : ",")
                        .append("{\"deliveryKey\":\"")
                        .append(item.deliveryKey())
                        .append("\",");
                if (LOCKED.contains(parts[4])) {
                    results.append("\"outcome\":\"locked\",\"status\":409,\"problem\":{\"status\":409,")
                            .append("\"detail\":\"The report is approved and locked\"}}");
                } else if (UNSETTLED.contains(parts[4])) {
                    results.append("\"outcome\":\"refused\",\"status\":503,\"problem\":{\"status\":503}}");
                } else {
                    results.append("\"outcome\":\"created\",\"status\":201,\"receipt\":{\"agencyCode\":\"")
                            .append(parts[4])
                            .append("\",\"year\":")
                            .append(parts[5])
                            .append(",\"version\":1,\"unchanged\":false,\"replayed\":false,\"findings\":[]}}");
                }
            }
            byte[] answer = results.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** How the batch endpoint behaves from now on, and how long it takes to answer. */
    public static void batches(Batches behaviour, long delayMillis) {
        batches = behaviour;
        batchDelayMillis = delayMillis;
    }

    /** Every batch received so far, each as its deliveries (path, key, body), oldest first. */
    public static List<List<Received>> batchesReceived() {
        return List.copyOf(BATCHES);
    }

    /** From now on, answers this agency's deliveries with 409 report-locked. */
    public static void lock(String agencyCode) {
        LOCKED.add(agencyCode);
    }

    /** From now on, answers this agency's deliveries in a batch with 503 for the item: not settled, retried. */
    public static void leaveUnsettled(String agencyCode) {
        UNSETTLED.add(agencyCode);
    }

    /** From now on, answers this agency's deliveries normally again. */
    public static void settle(String agencyCode) {
        UNSETTLED.remove(agencyCode);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** From now on, answers this agency's deliveries with 413. */
    public static void refuseAsTooLarge(String agencyCode) {
        TOO_LARGE.add(agencyCode);
    }

    /** The deliveries for one agency, by themselves or in batches, oldest first. */
    public static List<Received> everyDeliveryFor(String agencyCode) {
        return IN_ORDER.stream()
                .filter(r -> r.path().contains("/" + agencyCode + "/"))
                .toList();
    }

    /** The deliveries received for one agency by themselves (not in a batch), oldest first. */
    public static List<Received> receivedFor(String agencyCode) {
        return RECEIVED.stream()
                .filter(r -> r.path().contains("/" + agencyCode + "/"))
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
