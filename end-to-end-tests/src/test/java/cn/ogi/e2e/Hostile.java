package cn.ogi.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Sends many requests from a few concurrent clients and tallies every answer. */
final class Hostile {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** One request of a corpus. */
    @SuppressWarnings("ArrayRecordComponent") // the body as sent, never compared or changed
    record Call(String method, int port, String path, Map<String, String> headers, byte[] body) {

        HttpRequest request() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMinutes(1));
            headers.forEach(b::header);
            return b.method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }

        String describe() {
            String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
            return method + " :" + port + shown + (body == null ? "" : " (" + body.length + " bytes)");
        }
    }

    /** The scale of every corpus: 1 in CI (the committed numbers), smaller for a quick local look. */
    static double scale() {
        return Double.parseDouble(
                System.getProperty("ogi.hostile.scale", System.getenv().getOrDefault("OGI_HOSTILE_SCALE", "1")));
    }

    static int scaled(int count) {
        return Math.max(1, (int) Math.round(count * scale()));
    }

    private Hostile() {}

    /** Sends calls 0 … count−1 from {@code clients} threads; each answer is checked by {@code tally}. */
    static void run(Tally tally, int count, int clients, IntFunction<Call> call) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = client; i < count; i += clients) {
                        Call request = call.apply(i);
                        send(tally, request);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpResponse<String> send(Tally tally, Call request) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request.request(), HttpResponse.BodyHandlers.ofString());
            tally.took((System.nanoTime() - start) / 1_000_000, request.describe());
            tally.record(request.describe(), response);
            return response;
        } catch (IOException e) {
            tally.noAnswer(request.describe(), e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
