package cn.ogi.intake.directory;

import cn.ogi.intake.client.ChangePage;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The durable copy of the registry ({@code known_jurisdiction}, {@code known_agency}, {@code directory_cursor}):
 * read once at start, and written a page at a time with the cursor in one transaction (batched upserts).
 */
@ApplicationScoped
public class DirectoryPages {

    @Inject
    AgroalDataSource dataSource;

    /** The copy as the memory starts from: the cursor, then every agency (read in that order, see load). */
    record Snapshot(long cursor, Map<String, String> agencies) {}

    /**
     * The cursor first, then the agencies: a page committed in between is then in the agencies and applied again
     * from the feed (upserts, so harmlessly), never missing behind a cursor that moved past it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Snapshot load() {
        try (Connection c = dataSource.getConnection()) {
            long cursor;
            try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM directory_cursor WHERE id = 1");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                cursor = rs.getLong(1);
            }
            Map<String, String> agencies = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT code, jurisdiction FROM known_agency");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    agencies.put(rs.getString(1).strip(), rs.getString(2).strip());
                }
            }
            return new Snapshot(cursor, agencies);
        } catch (SQLException e) {
            throw new IllegalStateException("intake's copy of the registry could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the page's events the durable copy does not hold yet (another intake instance may have written some)
     * and moves the cursor, in one transaction; returns the page's agencies (code → jurisdiction) for the memory,
     * which takes them all whatever the copy held.
     */
    @Transactional
    Map<String, String> apply(ChangePage page) {
        Map<String, String> agencies = new LinkedHashMap<>();
        for (ChangePage.Event event : page.events()) {
            String code = text(event.payload(), "code");
            String jurisdiction = text(event.payload(), "jurisdiction");
            if ("agency.upserted".equals(event.type()) && code != null && jurisdiction != null) {
                agencies.put(code, jurisdiction);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            long at;
            // Lock the cursor: two instances (or two rounds) write a page once, in feed order.
            try (PreparedStatement q =
                            c.prepareStatement("SELECT last_seq FROM directory_cursor WHERE id = 1 FOR UPDATE");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                at = rs.getLong(1);
            }
            try (PreparedStatement jurisdiction = c.prepareStatement("""
                            INSERT INTO known_jurisdiction (code, name, parent) VALUES (?, ?, ?)
                            ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent""");
                    PreparedStatement agency = c.prepareStatement("""
                            INSERT INTO known_agency (code, name, kind, jurisdiction) VALUES (?, ?, ?, ?)
                            ON CONFLICT (code) DO UPDATE
                            SET name = excluded.name, kind = excluded.kind, jurisdiction = excluded.jurisdiction""")) {
                // the latest upsert of each code in the page: one multi-row statement must not touch a row twice
                Map<String, JsonNode> jurisdictions = new LinkedHashMap<>();
                Map<String, JsonNode> agencyRows = new LinkedHashMap<>();
                for (ChangePage.Event event : page.events()) {
                    if (event.seq() <= at) {
                        continue; // already in the copy
                    }
                    switch (event.type()) {
                        case "jurisdiction.upserted" ->
                            jurisdictions.put(text(event.payload(), "code"), event.payload());
                        case "agency.upserted" -> agencyRows.put(text(event.payload(), "code"), event.payload());
                        default -> {
                            // Other event types are not intake's business.
                        }
                    }
                }
                for (JsonNode p : jurisdictions.values()) {
                    jurisdiction.setString(1, text(p, "code"));
                    jurisdiction.setString(2, text(p, "name"));
                    jurisdiction.setString(3, text(p, "parent"));
                    jurisdiction.addBatch();
                }
                for (JsonNode p : agencyRows.values()) {
                    agency.setString(1, text(p, "code"));
                    agency.setString(2, text(p, "name"));
                    agency.setString(3, text(p, "kind"));
                    agency.setString(4, text(p, "jurisdiction"));
                    agency.addBatch();
                }
                if (!jurisdictions.isEmpty()) {
                    jurisdiction.executeBatch();
                }
                if (!agencyRows.isEmpty()) {
                    agency.executeBatch();
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE directory_cursor SET last_seq = ? WHERE id = 1")) {
                u.setLong(1, Math.max(page.lastSeq(), at));
                u.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registry page not applied: " + e.getMessage(), e);
        }
        return agencies;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
