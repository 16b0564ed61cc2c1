package cn.ogi.e2e.bench;

import cn.ogi.demo.Jurisdiction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests to stats-service from {@link #CLIENTS} concurrent clients, and the query mixes they send. */
final class QueryLoad {

    static final int CLIENTS = 32;
    static final int MAX_REQUESTS = 2_000_000;
    static final List<String> QUERIES =
            List.of("applications", "outcomes", "reviews", "fees", "completeness", "quality");
    /** {@code -Dogi.bench.client=jdk}: the measured loop sends with java.net.http, as before KeepAliveClient. */
    static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("ogi.bench.client"));

    private final HttpClient http;
    private final String token;
    private final int port;

    QueryLoad(HttpClient http, String token, int port) {
        this.http = http;
        this.token = token;
        this.port = port;
    }

    /** One client of a measurement: sends one request per call; closed when the measurement ends. */
    interface Client extends AutoCloseable {
        void request() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /**
     * The requests of one query kind: every node and year; the province (or provinces) and cities by child,
     * counties whole; plus a from/to span of all the years per node. Shuffled with a fixed seed.
     */
    List<URI> mix(String query, List<Jurisdiction> nodes, int fromYear, int toYear) {
        List<URI> mix = new ArrayList<>();
        for (Jurisdiction node : nodes) {
            for (int year = fromYear; year <= toYear; year++) {
                Map<String, String> params =
                        new TreeMap<>(Map.of("jurisdiction", node.code(), "year", String.valueOf(year)));
                if (!node.level().equals("county")) {
                    params.put("groupBy", "child");
                }
                mix.add(uri(query, params));
            }
            mix.add(uri(
                    query,
                    Map.of(
                            "jurisdiction",
                            node.code(),
                            "from",
                            String.valueOf(fromYear),
                            "to",
                            String.valueOf(toYear))));
        }
        Collections.shuffle(mix, new Random(42));
        return mix;
    }

    /**
     * Every query kind over the nodes and years: first each warmed up (the JIT compiles what the measurement
     * will run), then each measured; prints a line per query (with the CPU per request of stats-service and of
     * this client, for a machine shared with others) and returns the figures of --json ({@code {"/stats/applications": {…}, …}}).
     */
    Map<String, Object> allQueries(
            String label,
            List<Jurisdiction> nodes,
            int fromYear,
            int toYear,
            long statsPid,
            Duration warmUp,
            Duration measure,
            java.util.function.BiConsumer<String, String> result)
            throws Exception {
        Map<String, List<URI>> mixes = new java.util.LinkedHashMap<>();
        for (String query : QUERIES) {
            mixes.put(query, mix(query, nodes, fromYear, toYear));
            concurrently(mixes.get(query), warmUp, Map.of());
        }
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        for (String query : QUERIES) {
            Measured measured = measured(mixes.get(query), measure, Map.of(), statsPid);
            result.accept(label + "/stats/" + query + ", " + CLIENTS + " clients", measured.toString());
            figures.put("/stats/" + query, measured.latencies().json());
        }
        return figures;
    }

    /** A measurement and what it cost, per request: stats-service's CPU and this process' (the client's). */
    record Measured(Latencies latencies, double statsMicros, double clientMicros) {
        @Override
        public String toString() {
            return latencies
                    + String.format(
                            java.util.Locale.ROOT,
                            "; CPU a request: stats-service %.0f µs, client %.0f µs (%s)",
                            statsMicros,
                            clientMicros,
                            JDK_CLIENT ? "java.net.http" : "keep-alive socket");
        }
    }

    /** {@link #concurrently}, with the CPU stats-service (process statsPid) and this process spent meanwhile. */
    Measured measured(List<URI> requests, Duration duration, Map<String, String> headers, long statsPid)
            throws Exception {
        long self = ProcessHandle.current().pid();
        double stats = CpuTime.of(statsPid);
        double client = CpuTime.of(self);
        Latencies latencies = concurrently(requests, duration, headers);
        double n = Math.max(1, latencies.sorted().length);
        return new Measured(latencies, (CpuTime.of(statsPid) - stats) / n * 1e6, (CpuTime.of(self) - client) / n * 1e6);
    }

    /**
     * CLIENTS clients send the requests round-robin for the duration, each over its own kept-alive socket
     * ({@link KeepAliveClient}; java.net.http with {@code -Dogi.bench.client=jdk}); every answer must have the
     * status (304 when the headers hold If-None-Match, else 200).
     */
    Latencies concurrently(List<URI> requests, Duration duration, Map<String, String> headers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int expectedStatus = headers.containsKey("If-None-Match") ? 304 : 200;
        if (JDK_CLIENT) {
            return new Latencies(measure(duration, () -> jdkClient(requests, headers, next, expectedStatus)), duration);
        }
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Authorization", "Bearer " + token);
        all.putAll(headers);
        List<byte[]> encoded =
                requests.stream().map(u -> KeepAliveClient.encode(u, all)).toList();
        return new Latencies(
                measure(duration, () -> {
                    KeepAliveClient socket = new KeepAliveClient("localhost", port);
                    return new Client() {
                        @Override
                        public void request() throws Exception {
                            int i = next.getAndIncrement() % encoded.size();
                            int status = socket.send(encoded.get(i));
                            if (status != expectedStatus) {
                                throw new IllegalStateException(
                                        requests.get(i) + " answered " + status + ": " + socket.body());
                            }
                        }

                        @Override
                        public void close() throws Exception {
                            socket.close();
                        }
                    };
                }),
                duration);
    }

    /** The client the measurement used before KeepAliveClient, for comparison. */
    private Client jdkClient(List<URI> requests, Map<String, String> headers, AtomicInteger next, int expectedStatus) {
        return () -> {
            HttpRequest.Builder request = request(requests.get(next.getAndIncrement() % requests.size()));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(
                        response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        };
    }

    /** CLIENTS clients, each on its own thread, call request() for the duration; every latency (ns), sorted. */
    static long[] measure(Duration duration, Callable<Client> newClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger sent = new AtomicInteger();
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try (Client client = newClient.call()) {
                    while (System.nanoTime() < end && sent.incrementAndGet() < MAX_REQUESTS) {
                        long start = System.nanoTime();
                        client.request();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - start;
                    }
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> client : clients) {
            all.add(client.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    URI uri(String query, Map<String, String> params) {
        StringBuilder uri = new StringBuilder("http://localhost:" + port + "/api/v1/stats/" + query);
        char separator = '?';
        for (Map.Entry<String, String> p : new TreeMap<>(params).entrySet()) {
            uri.append(separator).append(p.getKey()).append('=').append(p.getValue());
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2));
    }

    HttpResponse<String> get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
