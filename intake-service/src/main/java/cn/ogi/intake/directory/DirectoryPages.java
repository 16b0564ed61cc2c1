package cn.ogi.intake.directory;

import cn.ogi.feed.AgencyUpserted;
import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangePage;
import cn.ogi.feed.ChangeType;
import cn.ogi.feed.JurisdictionUpserted;
import cn.ogi.web.sql.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The durable copy of the registry ({@code known_jurisdiction}, {@code known_agency}, {@code directory_cursor}):
 * read once at start, and written a page at a time with the cursor in one transaction (batched upserts).
 */
@ApplicationScoped
public class DirectoryPages {

    private static final Logger LOG = Logger.getLogger(DirectoryPages.class);

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    /** The copy as the memory starts from: the cursor, then every agency (read in that order, see load). */
    record Snapshot(long cursor, Map<String, String> agencies) {}

    /**
     * The cursor first, then the agencies: a page committed in between is then in the agencies and applied again
     * from the feed (upserts, so harmlessly), never missing behind a cursor that moved past it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    Snapshot load() {
        long cursor = sql.statement("SELECT last_seq FROM directory_cursor WHERE id = 1")
                .first(rs -> rs.getLong(1))
                .orElseThrow();
        Map<String, String> agencies = new HashMap<>();
        sql.statement("SELECT code, jurisdiction FROM known_agency")
                .each(0, rs -> agencies.put(rs.getString(1), rs.getString(2)));
        return new Snapshot(cursor, agencies);
    }

    /**
     * Writes the page's events the durable copy does not hold yet (another intake instance may have written some)
     * and moves the cursor, in one transaction; returns the page's agencies (code → jurisdiction) for the memory,
     * which takes them all whatever the copy held.
     */
    @Transactional
    Map<String, String> apply(ChangePage page) {
        Map<String, String> agencies = new LinkedHashMap<>();
        for (ChangeEvent event : page.events()) {
            payload(event, ChangeType.AGENCY_UPSERTED, AgencyUpserted.class)
                    .filter(a -> a.code() != null && a.jurisdiction() != null)
                    .ifPresent(a -> agencies.put(a.code(), a.jurisdiction()));
        }
        // Lock the cursor: two instances (or two rounds) write a page once, in feed order.
        long at = sql.statement("SELECT last_seq FROM directory_cursor WHERE id = 1 FOR UPDATE")
                .first(rs -> rs.getLong(1))
                .orElseThrow();
        // the latest upsert of each code in the page: one multi-row statement must not touch a row twice
        Map<String, JurisdictionUpserted> jurisdictions = new LinkedHashMap<>();
        Map<String, AgencyUpserted> agencyRows = new LinkedHashMap<>();
        for (ChangeEvent event : page.events()) {
            if (event.seq() <= at) {
                continue; // already in the copy
            }
            // other event types are not intake's business
            payload(event, ChangeType.JURISDICTION_UPSERTED, JurisdictionUpserted.class)
                    .ifPresent(j -> jurisdictions.put(j.code(), j));
            payload(event, ChangeType.AGENCY_UPSERTED, AgencyUpserted.class)
                    .ifPresent(a -> agencyRows.put(a.code(), a));
        }
        sql.batch(
                """
                INSERT INTO known_jurisdiction (code, name, parent) VALUES (:code, :name, :parent)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent""",
                jurisdictions.values(),
                (j, row) -> row.bind("code", j.code()).bind("name", j.name()).bind("parent", j.parent()));
        sql.batch(
                """
                INSERT INTO known_agency (code, name, kind, jurisdiction) VALUES (:code, :name, :kind, :jurisdiction)
                ON CONFLICT (code) DO UPDATE
                SET name = excluded.name, kind = excluded.kind, jurisdiction = excluded.jurisdiction""",
                agencyRows.values(),
                (a, row) -> row.bind("code", a.code())
                        .bind("name", a.name())
                        .bind("kind", a.kind())
                        .bind("jurisdiction", a.jurisdiction()));
        sql.statement("UPDATE directory_cursor SET last_seq = :seq WHERE id = 1")
                .bind("seq", Math.max(page.lastSeq(), at))
                .update();
        return agencies;
    }

    /**
     * The event's payload when it is of this type; empty for another type, and for a payload that is not the
     * contract's record (logged: the copy goes on without it rather than stop following the registry).
     */
    private <T extends Record> Optional<T> payload(ChangeEvent event, ChangeType type, Class<T> record) {
        if (!type.wireName().equals(event.type())) {
            return Optional.empty();
        }
        try {
            return event.payloadAs(json, record);
        } catch (IllegalArgumentException e) {
            LOG.errorf("registry event skipped: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
