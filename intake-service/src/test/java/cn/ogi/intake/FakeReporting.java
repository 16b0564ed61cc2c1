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
 * A stand-in for reporting-service's delivery endpoint, for tests that look at what intake's relay sends: it keeps
 * every request and answers each with version 1 (the end-to-end tests deliver to the real service).
 */
public final class FakeReporting {

    /** One delivery as received: the path, the Delivery-Key header and the body. */
    public record Received(String path, String deliveryKey, String body) {}

    /** Chosen once, before Quarkus starts, so that the test profile can point the REST client at it. */
    public static final int PORT = freePort();

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    /** Agencies whose deliveries are answered 413 (a published original beyond reporting-service's bound). */
    private static final java.util.Set<String> TOO_LARGE = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
                RECEIVED.add(new Received(
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Delivery-Key"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            String[] parts = exchange.getRequestURI().getPath().split("/", -1);
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
        server.start();
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

    /** The deliveries received for one agency, oldest first. */
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
