package cn.ogi.reporting.registry;

import cn.ogi.feed.AgencyUpserted;
import cn.ogi.feed.ChangeType;
import cn.ogi.feed.JurisdictionUpserted;
import cn.ogi.form.identity.AgencyKind;
import cn.ogi.form.identity.DivisionCode;
import cn.ogi.form.identity.DivisionLevel;
import cn.ogi.reporting.feed.ChangeFeed;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads and changes the registry; every change is one change-feed event in the same transaction. */
@ApplicationScoped
public class RegistryService {

    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    ChangeFeed feed;

    @Inject
    AuditTrail audit;

    /** The outcome of a PUT: whether it created the record, changed it, or found it as it was. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Upserted<T>(T value, Outcome outcome) {}

    public Optional<JurisdictionView> jurisdiction(String code) {
        return Optional.ofNullable(Jurisdiction.<Jurisdiction>findById(code)).map(Jurisdiction::toView);
    }

    public Optional<AgencyView> agency(String code) {
        return Optional.ofNullable(Agency.<Agency>findById(code)).map(Agency::toView);
    }

    @Transactional
    public Upserted<JurisdictionView> putJurisdiction(String code, JurisdictionView body) {
        JurisdictionView candidate = new JurisdictionView(code, body.name(), body.level(), blankToNull(body.parent()));
        requireSameCode(code, body.code());
        List<RegistryRules.Problem> problems = RegistryRules.checkJurisdiction(
                candidate, parent -> jurisdiction(parent).map(JurisdictionView::level));
        if (!problems.isEmpty()) {
            throw invalid("jurisdiction " + code, problems, null);
        }
        return applyJurisdiction(candidate);
    }

    @Transactional
    public Upserted<AgencyView> putAgency(String code, AgencyView body) {
        requireSameCode(code, body.code());
        AgencyView candidate = new AgencyView(
                code, body.name(), body.kind(), body.jurisdiction(), body.reportsFrom(), body.reportsUntil());
        List<RegistryRules.Problem> problems =
                RegistryRules.checkAgency(candidate, j -> Jurisdiction.findById(j) != null);
        if (!problems.isEmpty()) {
            throw invalid("agency " + code, problems, null);
        }
        return applyAgency(candidate);
    }

    /** Writes a checked jurisdiction; the caller holds the transaction. */
    Upserted<JurisdictionView> applyJurisdiction(JurisdictionView checked) {
        JurisdictionView normalised = new JurisdictionView(
                checked.code(),
                checked.name().strip(),
                RegistryRules.levelOf(DivisionCode.parse(checked.code())),
                checked.parent());
        Jurisdiction entity = Jurisdiction.findById(checked.code());
        Outcome outcome = entity == null ? Outcome.CREATED : Outcome.UPDATED;
        if (entity == null) {
            entity = new Jurisdiction();
            entity.code = normalised.code();
        } else if (entity.toView().equals(normalised)) {
            return new Upserted<>(normalised, Outcome.UNCHANGED);
        }
        entity.name = normalised.name();
        entity.level = normalised.level();
        entity.parent = normalised.parent();
        entity.updatedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        entity.persist();
        feed.append(
                ChangeType.JURISDICTION_UPSERTED,
                normalised.code(),
                new JurisdictionUpserted(
                        normalised.code(), normalised.name(), normalised.level(), normalised.parent()));
        audit.record(new AuditTrail.Entry(
                "jurisdiction." + outcome.name().toLowerCase(java.util.Locale.ROOT),
                "jurisdiction",
                normalised.code(),
                normalised.code(),
                null));
        return new Upserted<>(normalised, outcome);
    }

    /** Writes a checked agency; the caller holds the transaction. */
    Upserted<AgencyView> applyAgency(AgencyView checked) {
        AgencyView normalised = new AgencyView(
                checked.code(),
                checked.name().strip(),
                checked.kind(),
                checked.jurisdiction(),
                checked.reportsFrom(),
                checked.reportsUntil());
        Agency entity = Agency.findById(checked.code());
        Outcome outcome = entity == null ? Outcome.CREATED : Outcome.UPDATED;
        if (entity == null) {
            entity = new Agency();
            entity.code = normalised.code();
        } else if (entity.toView().equals(normalised)) {
            return new Upserted<>(normalised, Outcome.UNCHANGED);
        }
        entity.name = normalised.name();
        entity.kind = normalised.kind();
        entity.jurisdiction = normalised.jurisdiction();
        entity.reportsFrom = normalised.reportsFrom();
        entity.reportsUntil = normalised.reportsUntil();
        entity.updatedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        entity.persist();
        feed.append(
                ChangeType.AGENCY_UPSERTED,
                normalised.code(),
                new AgencyUpserted(
                        normalised.code(),
                        normalised.name(),
                        normalised.kind(),
                        normalised.jurisdiction(),
                        normalised.reportsFrom(),
                        normalised.reportsUntil()));
        audit.record(new AuditTrail.Entry(
                "agency." + outcome.name().toLowerCase(java.util.Locale.ROOT),
                "agency",
                normalised.code(),
                normalised.jurisdiction(),
                null));
        return new Upserted<>(normalised, outcome);
    }

    public Page<JurisdictionView> jurisdictions(String parent, DivisionLevel level, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (parent != null) {
            where.append(" AND parent = :parent");
        }
        if (level != null) {
            where.append(" AND level = :level");
        }
        var query = em.createQuery("FROM Jurisdiction WHERE " + where + " ORDER BY code", Jurisdiction.class);
        var count = em.createQuery("SELECT count(*) FROM Jurisdiction WHERE " + where, Long.class);
        if (parent != null) {
            query.setParameter("parent", parent);
            count.setParameter("parent", parent);
        }
        if (level != null) {
            query.setParameter("level", level.wireName());
            count.setParameter("level", level.wireName());
        }
        List<JurisdictionView> items = query.setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultStream()
                .map(Jurisdiction::toView)
                .toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /**
     * Agencies in the subtree of a jurisdiction (or all), optionally by kind, expected year and a search: {@code q}
     * is part of the name or the start of the code.
     */
    public Page<AgencyView> agencies(String jurisdiction, AgencyKind kind, Integer year, String q, Paging paging) {
        String where = " WHERE (CAST(:root AS text) IS NULL OR a.jurisdiction IN (SELECT code FROM subtree))"
                + " AND (CAST(:kind AS text) IS NULL OR a.kind = :kind)"
                + " AND (CAST(:year AS integer) IS NULL OR ((a.reports_from IS NULL OR a.reports_from <= :year)"
                + " AND (a.reports_until IS NULL OR a.reports_until >= :year)))"
                + " AND (CAST(:q AS text) IS NULL OR strpos(a.name, :q) > 0 OR a.code LIKE :codePrefix)";
        SqlStatement items = sql.statement(Subtrees.WITH_SUBTREE
                        + "SELECT a.code, a.name, a.kind, a.jurisdiction, a.reports_from, a.reports_until FROM agency a"
                        + where + " ORDER BY a.code LIMIT :size OFFSET :offset")
                .bind("size", paging.size())
                .bind("offset", paging.offset());
        SqlStatement total = sql.statement(Subtrees.WITH_SUBTREE + "SELECT count(*) FROM agency a" + where);
        for (SqlStatement query : List.of(items, total)) {
            query.bind("root", jurisdiction)
                    .bind("kind", kind == null ? null : kind.wireName())
                    .bind("year", year)
                    .bind("q", q)
                    .bind("codePrefix", q == null ? null : likePrefix(q));
        }
        List<AgencyView> views = items.list(rs -> new AgencyView(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Sql.integer(rs, 5),
                Sql.integer(rs, 6)));
        return new Page<>(
                views,
                paging.page(),
                paging.size(),
                total.first(rs -> rs.getLong(1)).orElse(0L));
    }

    /** A LIKE pattern matching codes that start with {@code text} (upper case, as codes are), wildcards escaped. */
    private static String likePrefix(String text) {
        return text.toUpperCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    static ProblemException invalid(String what, List<RegistryRules.Problem> problems, Integer line) {
        List<Problem.InputError> errors = problems.stream()
                .map(p -> new Problem.InputError(line, p.field(), p.message()))
                .toList();
        return ProblemException.unprocessable(
                        "invalid-registry-entry",
                        "The " + what + " is not acceptable: " + problems.get(0).message()
                                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, see errors)" : ""))
                .withErrors(errors);
    }

    private static void requireSameCode(String pathCode, String bodyCode) {
        if (bodyCode != null && !Objects.equals(pathCode, bodyCode)) {
            throw ProblemException.unprocessable(
                    "code-mismatch", "The body's code " + bodyCode + " differs from the code in the path " + pathCode);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
