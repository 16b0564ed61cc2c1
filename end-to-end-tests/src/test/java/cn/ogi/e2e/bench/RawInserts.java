package cn.ogi.e2e.bench;

import cn.ogi.e2e.Platform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceilings: plain JDBC writing the rows the services write, into copies of their tables ({@code LIKE … INCLUDING
 * ALL}: the same columns, defaults, checks and indexes, no foreign keys), in the same run as the services are
 * measured. intake's rows of one submission: the submission, its outbox entry, its audit row. reporting-service's
 * rows of one delivered version: the report, the version, the delivery, the change event, the audit row.
 */
final class RawInserts {

    private static final String OPTIONS = "?reWriteBatchedInserts=true";

    private final String agency;
    private final String report;
    private final AtomicLong sequence = new AtomicLong();

    RawInserts(String agency, String report) {
        this.agency = agency;
        this.report = report;
    }

    /** Submissions/s: {@code perTransaction} submissions (three rows each) per commit, from {@code connections}. */
    double intakeRows(int connections, Duration duration, int perTransaction) throws Exception {
        String url = Platform.jdbcUrl("intake") + OPTIONS;
        execute(
                url,
                "DROP TABLE IF EXISTS bench_outbox, bench_submission, bench_audit",
                "CREATE TABLE bench_submission (LIKE submission INCLUDING ALL)",
                "CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL)",
                "CREATE TABLE bench_audit (LIKE audit_event INCLUDING ALL)");
        try {
            return concurrently(url, connections, duration, c -> {
                PreparedStatement sub = c.prepareStatement("""
                                INSERT INTO bench_submission (id, idempotency_key, body_sha256, agency_code, year,
                                    source, report, submitted_by, received_at, status, findings)
                                VALUES (?, ?, ?, ?, 2023, 'api', CAST(? AS jsonb), 'benchmark', ?, 'RECEIVED', '[]')""");
                PreparedStatement out = c.prepareStatement(
                        "INSERT INTO bench_outbox (submission_id, created_at, next_attempt_at, agency_code, year)"
                                + " VALUES (?, ?, ?, ?, 2023)");
                PreparedStatement audit = c.prepareStatement("""
                                INSERT INTO bench_audit (subject, roles, caller_jurisdiction, action, target_type,
                                    target_key, target_jurisdiction, client_address, detail)
                                VALUES ('benchmark', 'submitter', '370000', 'submission.accepted', 'submission', ?,
                                    '371502', '127.0.0.1', CAST(? AS jsonb))""");
                c.setAutoCommit(false);
                return (Batch) () -> {
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    for (int i = 0; i < perTransaction; i++) {
                        UUID id = UUID.randomUUID();
                        sub.setObject(1, id);
                        sub.setString(2, "raw-" + id);
                        sub.setString(3, "0".repeat(64));
                        sub.setString(4, agency);
                        sub.setString(5, report);
                        sub.setTimestamp(6, now);
                        sub.addBatch();
                        out.setObject(1, id);
                        out.setTimestamp(2, now);
                        out.setTimestamp(3, now);
                        out.setString(4, agency);
                        out.addBatch();
                        audit.setString(1, id.toString());
                        audit.setString(2, "{\"agencyCode\":\"" + agency + "\",\"year\":2023,\"source\":\"api\"}");
                        audit.addBatch();
                    }
                    sub.executeBatch();
                    out.executeBatch();
                    audit.executeBatch();
                    c.commit();
                    return perTransaction;
                };
            });
        } finally {
            execute(url, "DROP TABLE IF EXISTS bench_outbox, bench_submission, bench_audit");
        }
    }

    /** Versions/s: reporting-service's five rows of a delivered version, {@code perTransaction} per commit. */
    double reportingRows(Duration duration, int perTransaction) throws Exception {
        String url = Platform.jdbcUrl("reporting") + OPTIONS;
        String[] tables = {"report", "report_version", "delivery", "change_event", "audit_event"};
        List<String> setUp = new ArrayList<>();
        setUp.add("DROP TABLE IF EXISTS bench_report, bench_report_version, bench_delivery, bench_change_event,"
                + " bench_audit_event");
        for (String table : tables) {
            setUp.add("CREATE TABLE bench_" + table + " (LIKE " + table + " INCLUDING ALL)");
        }
        execute(url, setUp.toArray(String[]::new));
        try {
            return concurrently(url, 1, duration, c -> {
                PreparedStatement r = c.prepareStatement("""
                                INSERT INTO bench_report (id, agency_code, year, latest_version, first_submitted_at,
                                    updated_at)
                                VALUES (?, ?, 2023, 1, now(), now())""");
                PreparedStatement v = c.prepareStatement("""
                                INSERT INTO bench_report_version (report_id, number, edition, content, content_sha256,
                                    source, submitted_by, submitted_at, findings)
                                VALUES (?, 1, '2021', CAST(? AS jsonb), ?, 'api', 'benchmark', now(), '[]')""");
                PreparedStatement d =
                        c.prepareStatement("INSERT INTO bench_delivery (delivery_key, report_id, version, unchanged)"
                                + " VALUES (?, ?, 1, false)");
                PreparedStatement e = c.prepareStatement("""
                                INSERT INTO bench_change_event (seq, type, key, payload)
                                VALUES (?, 'report.version.created', ?, CAST(? AS jsonb))""");
                PreparedStatement a = c.prepareStatement("""
                                INSERT INTO bench_audit_event (subject, roles, action, target_type, target_key,
                                    target_jurisdiction, detail)
                                VALUES ('intake-service', 'service', 'report.version.created', 'report', ?,
                                    '371502', '{}')""");
                c.setAutoCommit(false);
                return (Batch) () -> {
                    for (int i = 0; i < perTransaction; i++) {
                        long id = sequence.incrementAndGet();
                        r.setLong(1, id);
                        r.setString(2, String.format("%018d", id)); // one report per agency and year
                        r.addBatch();
                        v.setLong(1, id);
                        v.setString(2, report);
                        v.setString(3, "0".repeat(64));
                        v.addBatch();
                        d.setString(1, UUID.randomUUID().toString());
                        d.setLong(2, id);
                        d.addBatch();
                        e.setLong(1, id);
                        e.setString(2, agency + "/2023");
                        e.setString(3, "{\"version\":1,\"report\":" + report + "}");
                        e.addBatch();
                        a.setString(1, agency + "/2023#" + id);
                        a.addBatch();
                    }
                    r.executeBatch();
                    v.executeBatch();
                    d.executeBatch();
                    e.executeBatch();
                    a.executeBatch();
                    c.commit();
                    return perTransaction;
                };
            });
        } finally {
            execute(url, setUp.get(0));
        }
    }

    /** One transaction's worth of inserts; answers how many units it wrote. */
    interface Batch {
        int write() throws SQLException;
    }

    interface Writer {
        /** Prepares the statements on a connection (open for the whole run) and returns what writes with them. */
        Batch open(Connection c) throws SQLException;
    }

    /** Units/s written by {@code connections} writers, each repeating its batch until the duration is over. */
    private static double concurrently(String url, int connections, Duration duration, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(pool.submit(() -> {
                int units = 0;
                try (Connection c = DriverManager.getConnection(url, "ogi", "ogi")) {
                    Batch batch = writer.open(c);
                    while (System.nanoTime() < end && units < IntakeBenchmark.MAX_REQUESTS) {
                        units += batch.write();
                    }
                }
                return units;
            }));
        }
        long units = 0;
        for (Future<Integer> worker : workers) {
            units += worker.get();
        }
        pool.shutdown();
        return units / (duration.toMillis() / 1000.0);
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "ogi", "ogi");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
