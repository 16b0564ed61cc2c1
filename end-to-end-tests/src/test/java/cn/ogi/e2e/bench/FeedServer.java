package cn.ogi.e2e.bench;

import cn.ogi.demo.DemoFeed;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * reporting-service's change feed ({@code GET /api/v1/changes?after=&limit=}, the same JSON page) served from
 * a feed written to disk ({@link DemoFeed}): what stats reads when it is loaded with a country, without three
 * million reports going through intake and reporting-service first. Pages are read from the gzip files as they
 * are asked for, in order; loopback only.
 */
final class FeedServer implements AutoCloseable {

    private final DemoFeed.Reader feed;
    private final HttpServer server;
    private volatile long firstRequestNanos;
    private volatile long lastServed;

    FeedServer(Path dir, int port) throws IOException {
        this.feed = new DemoFeed.Reader(dir);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/api/v1/changes", this::changes);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    long latestSeq() {
        return feed.latestSeq();
    }

    /** When the first page was asked for (System.nanoTime), 0 before. */
    long firstRequestNanos() {
        return firstRequestNanos;
    }

    private void changes(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (firstRequestNanos == 0) {
                firstRequestNanos = System.nanoTime();
            }
            long after = 0;
            int limit = 100;
            String query = URI.create(exchange.getRequestURI().toString()).getRawQuery();
            for (String p : query == null ? new String[0] : query.split("&")) {
                String[] kv = p.split("=", 2);
                if (kv[0].equals("after")) {
                    after = Long.parseLong(kv[1]);
                } else if (kv[0].equals("limit")) {
                    limit = Math.max(1, Math.min(1000, Integer.parseInt(kv[1])));
                }
            }
            List<String> events = feed.page(after, limit);
            long last = events.isEmpty() ? Math.max(after, feed.latestSeq()) : after + events.size();
            ByteArrayOutputStream body = new ByteArrayOutputStream(events.size() * 4500 + 100);
            body.write(("{\"after\":" + after + ",\"events\":[").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    body.write(',');
                }
                body.write(events.get(i).getBytes(StandardCharsets.UTF_8));
            }
            body.write(("],\"lastSeq\":" + last + ",\"latestSeq\":" + feed.latestSeq() + "}")
                    .getBytes(StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.size());
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
            lastServed = last;
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    long lastServed() {
        return lastServed;
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        feed.close();
    }
}
