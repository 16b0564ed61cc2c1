package cn.ogi.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * CPU seconds a process has used (user + system, from /proc/PID/stat), so that a figure taken on a machine shared
 * with others can be read as a cost ("events per CPU second") as well as a rate. 0 where /proc is not there.
 */
final class CpuTime {

    /** Linux's USER_HZ, the unit of the /proc/PID/stat times (100 on every common kernel). */
    private static final double TICKS = 100.0;

    private CpuTime() {}

    static double of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The CPU seconds every process of the machine has used since boot (all cores; user, nice and system). */
    static double machine() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+", -1);
            return (Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The CPU seconds of the PostgreSQL backends connected to the database of the JDBC URL now. */
    static double ofBackends(String jdbcUrl) {
        double seconds = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "ogi", "ogi");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                seconds += of(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            return 0;
        }
        return seconds;
    }
}
