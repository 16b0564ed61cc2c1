package cn.ogi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The answers to one corpus or fault, counted (attempted, 2xx, 4xx, 5xx) and checked: no 500 ever; every 4xx
 * (and 503) is problem+json with a type, a title, its status and a detail saying what — and, for refused reports
 * and parameters, where (findings with cells, errors with a field); never a class name or stack trace. The first
 * violations are kept for the failure message.
 */
final class Tally {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Library or JVM internals that must never reach a client. */
    static final Pattern INTERNALS = Pattern.compile(
            "StreamReadFeature|StreamReadConstraints|com\\.fasterxml|java\\.lang|java\\.util|io\\.quarkus|"
                    + "org\\.jboss|org\\.hibernate|org\\.postgresql|Exception:|\\bat [a-z]+\\.[a-z]+\\.[A-Za-z]+\\(|"
                    + "cn\\.ogi\\.");

    final String name;
    final AtomicInteger attempted = new AtomicInteger();
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger clientErrors = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger status500 = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    /** Accepted writes not found afterwards / found twice; null when not checked for this row. */
    volatile Integer lost;

    volatile Integer duplicated;
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    /** The Location of each 2xx answer that has one (accepted submissions). */
    final java.util.Set<String> locations = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The slowest answers, to show where the time of a corpus goes. */
    private final java.util.PriorityQueue<Map.Entry<Long, String>> slowest =
            new java.util.PriorityQueue<>(Map.Entry.comparingByKey());

    synchronized void took(long millis, String what) {
        slowest.add(Map.entry(millis, what));
        if (slowest.size() > 5) {
            slowest.poll();
        }
    }

    synchronized String slowest() {
        return slowest.stream()
                .sorted(Map.Entry.<Long, String>comparingByKey().reversed())
                .map(e -> e.getKey() + " ms " + e.getValue())
                .toList()
                .toString();
    }

    Tally(String name) {
        this.name = name;
    }

    /** Counts and checks one answer; {@code what} describes the request for a violation message. */
    void record(String what, HttpResponse<String> response) {
        if (response.statusCode() < 300) {
            response.headers().firstValue("Location").ifPresent(locations::add);
        }
        record(
                what,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null),
                response.body());
    }

    void record(String what, int status, String contentType, String retryAfter, String body) {
        attempted.incrementAndGet();
        if (status < 300) {
            ok.incrementAndGet();
        } else if (status < 500) {
            clientErrors.incrementAndGet();
        } else {
            serverErrors.incrementAndGet();
        }
        if (status == 500) {
            status500.incrementAndGet();
            violation(what + ": 500 " + shorten(body));
        }
        if (status == 503) {
            unavailable.incrementAndGet();
            if (retryAfter == null) {
                violation(what + ": 503 without Retry-After");
            }
        } else if (status >= 500) {
            violation(what + ": " + status + " " + shorten(body));
        }
        if (status >= 400) {
            checkProblem(what, status, contentType, body);
        } else if (body != null && INTERNALS.matcher(body).find() && !what.startsWith("GET")) {
            violation(what + ": a " + status + " answer shows internals: " + shorten(body));
        }
    }

    /** A failure to get any answer (connection refused or reset) where one was due. */
    void noAnswer(String what, Throwable error) {
        attempted.incrementAndGet();
        serverErrors.incrementAndGet();
        violation(what + ": no answer: " + error);
    }

    void violation(String message) {
        if (violations.size() < 20) {
            violations.add(message);
        } else if (violations.size() == 20) {
            violations.add("…");
        }
    }

    private void checkProblem(String what, int status, String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            violation(what + ": " + status + " is " + contentType + ", not problem+json: " + shorten(body));
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            violation(what + ": " + status + " problem is not JSON: " + shorten(body));
            return;
        }
        if (problem.path("status").asInt() != status
                || problem.path("type").asText().isEmpty()
                || problem.path("title").asText().isEmpty()
                || problem.path("detail").asText().isBlank()) {
            violation(what + ": " + status + " problem lacks type/title/status/detail: " + shorten(body));
        }
        for (JsonNode finding : problem.path("findings")) {
            if (finding.path("cells").isEmpty()
                    && !finding.path("rule").asText().equals("SCHEMA-TYPE")
                    && !finding.path("rule").asText().equals("SCHEMA-EDITION")) {
                violation(what + ": a finding names no cell: " + shorten(finding.toString()));
            }
        }
        if (INTERNALS
                .matcher(problem.path("detail").asText() + problem.path("errors"))
                .find()) {
            violation(what + ": " + status + " problem shows internals: " + shorten(body));
        }
    }

    static String shorten(String text) {
        if (text == null) {
            return "(no body)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One row of the table in docs/RELIABILITY.md. */
    String row() {
        return "| " + name + " | " + attempted + " | " + ok + " | " + clientErrors + " | " + serverErrors
                + (unavailable.get() > 0 ? " (" + unavailable + " × 503)" : "") + " | "
                + (lost == null ? "–" : lost) + " | " + (duplicated == null ? "–" : duplicated) + " |";
    }
}
