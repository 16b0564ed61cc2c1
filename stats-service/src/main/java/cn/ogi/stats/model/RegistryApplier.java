package cn.ogi.stats.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Applies jurisdiction and agency events; a move carries the rollups along (see {@link Rollups}). */
@ApplicationScoped
class RegistryApplier {

    private static final Logger LOG = Logger.getLogger(RegistryApplier.class);

    @Inject
    Db db;

    @Inject
    Rollups rollups;

    void jurisdiction(long seq, JsonNode p) {
        String code = Payloads.text(p, "code");
        if (code == null) {
            LOG.errorf("event %d: jurisdiction without code, ignored", seq);
            return;
        }
        String parent = Payloads.text(p, "parent");
        Optional<String> oldParent = existing("SELECT parent FROM jurisdiction WHERE code = ?", code);
        if (parent != null && rollups.inChain(parent, code)) {
            // reporting-service refuses cycles; if one arrives anyway, keep the old parent rather than loop.
            LOG.errorf("event %d: jurisdiction %s under %s would make a cycle; parent kept", seq, code, parent);
            parent = oldParent.orElse(null);
        }
        String name = Objects.requireNonNullElse(Payloads.text(p, "name"), code);
        db.update("""
                INSERT INTO jurisdiction (code, name, level, parent) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent = EXCLUDED.parent""", code, name, Payloads.text(p, "level"), parent);
        String before = oldParent.orElse(null);
        if (!Objects.equals(before, parent)) {
            // A new node whose subtree already has reports (events out of order) attaches like a move from nowhere.
            rollups.moveNode(code, before, parent);
        }
    }

    void agency(long seq, JsonNode p) {
        String code = Payloads.text(p, "code");
        if (code == null) {
            LOG.errorf("event %d: agency without code, ignored", seq);
            return;
        }
        String jurisdiction = Payloads.text(p, "jurisdiction");
        Optional<String> before = existing("SELECT jurisdiction FROM agency WHERE code = ?", code);
        db.update(
                """
                INSERT INTO agency (code, name, kind, jurisdiction, reports_from, reports_until) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                    jurisdiction = EXCLUDED.jurisdiction, reports_from = EXCLUDED.reports_from,
                    reports_until = EXCLUDED.reports_until""",
                code,
                Payloads.text(p, "name"),
                Payloads.text(p, "kind"),
                jurisdiction,
                Payloads.integer(p, "reportsFrom"),
                Payloads.integer(p, "reportsUntil"));
        String old = before.orElse(null);
        if (!Objects.equals(old, jurisdiction)) {
            rollups.moveAgency(code, old, jurisdiction);
        }
    }

    /** The agency's node, creating a placeholder (no node) if its registry event has not arrived. */
    String agencyNode(String agencyCode) {
        db.update("INSERT INTO agency (code) VALUES (?) ON CONFLICT (code) DO NOTHING", agencyCode);
        return db.one("SELECT jurisdiction FROM agency WHERE code = ?", rs -> rs.getString(1), agencyCode);
    }

    /** The column of the existing row; empty when there is no row or the column is null (both mean "nowhere"). */
    private Optional<String> existing(String sql, String code) {
        List<String[]> rows = db.query(sql, rs -> new String[] {rs.getString(1)}, code);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0)[0]);
    }
}
