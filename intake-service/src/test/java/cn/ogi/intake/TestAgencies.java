package cn.ogi.intake;

import cn.ogi.form.identity.CreditCode;
import cn.ogi.intake.directory.Directory;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers agencies in intake's copy of the registry — the durable table and the memory — as following
 * reporting-service's change feed would (these tests run intake alone; the end-to-end tests follow the real feed).
 */
@ApplicationScoped
public class TestAgencies {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Directory directory;

    public static String newCode(String division) {
        String first17 = "11" + division + String.format("%09d", SEQUENCE.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    public String register(String division) {
        return register(newCode(division), division);
    }

    public String register(String code, String division) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "INSERT INTO known_agency (code, name, kind, jurisdiction) VALUES (?, ?, 'department', ?)")) {
            p.setString(1, code);
            p.setString(2, "测试局" + code.substring(8, 17));
            p.setString(3, division);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        directory.remember(code, division); // what the follower does after writing a page to the copy
        return code;
    }

    public long count(String sql) {
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null for SQL NULL or no row). */
    public String text(String sql) {
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
