package cn.ogi.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A stand-in for reporting-service's change feed ({@code GET /api/v1/changes}) holding the registry events a test
 * appends; it can be taken "down" (503), and counts the pages it served.
 */
public final class FakeRegistryFeed {

    /** Chosen once, before Quarkus starts, so that the test profile can point the REST client at it. */
    public static final int PORT = freePort();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ObjectNode> EVENTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger PAGES = new AtomicInteger();
    private static volatile boolean down;
    private static HttpServer server;

    private FakeRegistryFeed() {}

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", PORT), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/changes", exchange -> {
            PAGES.incrementAndGet();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            Map<String, String> query = java.util.Arrays.stream(
                            exchange.getRequestURI().getQuery().split("&"))
                    .map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
            long after = Long.parseLong(query.get("after"));
            int limit = Integer.parseInt(query.get("limit"));
            ArrayNode events = JSON.createArrayNode();
            long latest = EVENTS.size();
            for (ObjectNode event : EVENTS) {
                if (event.get("seq").asLong() > after && events.size() < limit) {
                    events.add(event);
                }
            }
            long last = events.size() < limit
                    ? Math.max(latest, after)
                    : events.get(events.size() - 1).get("seq").asLong();
            ObjectNode page = JSON.createObjectNode();
            page.put("after", after);
            page.set("events", events);
            page.put("lastSeq", last);
            page.put("latestSeq", Math.max(latest, after));
            byte[] body = JSON.writeValueAsBytes(page);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
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

    /** Appends an {@code agency.upserted} event (a registration, or a change of the agency). */
    public static synchronized void agencyUpserted(String code, String jurisdiction) {
        ObjectNode payload = JSON.createObjectNode()
                .put("code", code)
                .put("name", "测试局" + code.substring(8, 17))
                .put("kind", "department")
                .put("jurisdiction", jurisdiction);
        ObjectNode event = JSON.createObjectNode()
                .put("seq", EVENTS.size() + 1)
                .put("type", "agency.upserted")
                .put("key", code);
        event.set("payload", payload);
        EVENTS.add(event);
    }

    public static void down(boolean isDown) {
        down = isDown;
    }

    public static int pagesServed() {
        return PAGES.get();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
