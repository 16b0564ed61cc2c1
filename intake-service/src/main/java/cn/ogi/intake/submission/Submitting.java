package cn.ogi.intake.submission;

import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.rules.Finding;
import cn.ogi.intake.directory.Directory;
import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.intake.reading.PublishedReports;
import cn.ogi.reader.PublishedSource;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Scope;
import cn.ogi.web.json.JsonErrors;
import cn.ogi.web.json.JsonLimits;
import cn.ogi.web.json.JsonTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** From a request body to a stored submission or a refusal that lists every finding. */
@ApplicationScoped
public class Submitting {

    @Inject
    ReportChecks checks;

    @Inject
    Submissions submissions;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @Inject
    Directory directory;

    @Inject
    JsonLimits limits;

    @Inject
    PublishedReports published;

    @Inject
    IntakeMetrics metrics;

    /**
     * Parses, checks and stores one pushed report; 422 with every finding when refused, 403 outside the scope.
     * {@code importedHistory}: the caller (an admin, checked by the resource) marks it as imported history.
     */
    public Submissions.Outcome submitJson(
            String body, String idempotencyKey, Scope scope, Integer expectedVersion, boolean importedHistory) {
        ReportChecks.Checked checked = refusalsAudited(() -> checks.checkPushed(parse(body), scope), scope);
        refuseUnlessAccepted(checked, scope);
        return submissions.store(
                new Submissions.Incoming(
                        checked.report(),
                        checked.jurisdiction(),
                        "api",
                        null,
                        idempotencyKey,
                        scope.subject(),
                        expectedVersion,
                        checked.findings(),
                        importedHistory,
                        null,
                        null),
                scope);
    }

    /**
     * Reads a published report (text, page, Markdown or PDF) and stores it as published, broken rules and all
     * (they are recorded as findings); only an unreadable source or an unknown agency is refused. The text read is
     * kept with the version; a PDF's bytes too.
     */
    public Submissions.Outcome submitPublished(
            PublishedSource source,
            String agencyCode,
            Integer year,
            String correctionReason,
            String idempotencyKey,
            Scope scope,
            Integer expectedVersion,
            boolean importedHistory) {
        PublishedReports.Read read = refusalsAudited(() -> readPublished(source, agencyCode, year, true, scope), scope);
        ReportChecks.Checked checked = refusalsAudited(
                () -> checks.checkPublished(
                        read.report().withCorrectionReason(correctionReason), read.findings(), scope),
                scope);
        refuseUnlessAccepted(checked, scope);
        boolean pdf = source.baseType().equals("application/pdf");
        String originalText =
                pdf ? read.reading().text() : new String(source.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        // the document as published is kept with the version: a PDF's bytes, a page or a Markdown conversion as
        // sent (a plain text is its originalText already)
        PublishedOriginal original = source.baseType().equals("text/plain")
                ? null
                : PublishedOriginal.of(source.bytes(), pdf ? "application/pdf" : source.baseType() + "; charset=utf-8");
        return submissions.store(
                new Submissions.Incoming(
                        checked.report(),
                        checked.jurisdiction(),
                        "text",
                        originalText,
                        idempotencyKey,
                        scope.subject(),
                        expectedVersion,
                        checked.findings(),
                        importedHistory,
                        original,
                        null),
                scope);
    }

    /**
     * Reads a published report, storing nothing: the agency (when given) must be registered in the caller's scope
     * and the year, when given, a past or current one from 2000.
     */
    public PublishedReports.Read readPublished(
            PublishedSource source, String agencyCode, Integer year, boolean agencyRequired, Scope scope) {
        if (agencyCode == null || agencyCode.isBlank()) {
            if (agencyRequired) {
                throw ProblemException.badRequest(
                        "invalid-parameters",
                        "Parameter 'agencyCode' (the agency's 统一社会信用代码) is required for a published report");
            }
        } else {
            CreditCode.problem(agencyCode).ifPresent(problem -> {
                throw ProblemException.badRequest("invalid-parameters", "Parameter 'agencyCode': " + problem);
            });
            directory
                    .jurisdictionOf(agencyCode)
                    .ifPresent(jurisdiction -> scope.requireCovers(jurisdiction, "agency " + agencyCode));
        }
        if (year != null
                && (year < 2000
                        || year > java.time.Year.now(java.time.ZoneOffset.UTC).getValue())) {
            throw ProblemException.badRequest(
                    "invalid-parameters", "Parameter 'year' must be a past or current year from 2000, got " + year);
        }
        String use = agencyRequired ? IntakeMetrics.SUBMISSION : IntakeMetrics.PARSE;
        PublishedReports.Read read;
        try {
            read = published.read(source, agencyCode, year);
        } catch (ProblemException e) {
            metrics.parsed(use, IntakeMetrics.UNREADABLE, null);
            throw e;
        }
        metrics.parsed(use, IntakeMetrics.PARSED, read.reading().source().form().jsonName());
        return read;
    }

    /** Parses and checks, storing nothing. */
    public ReportChecks.Checked validate(String body, Scope scope) {
        return checks.checkPushed(parse(body), scope);
    }

    /**
     * The body as a JSON tree, within the configured limits (Jackson's read constraints, members per object) and
     * without control characters; 400 naming what and where otherwise.
     */
    public JsonNode parse(String body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest(
                            JsonErrors.isLimit(e) ? "input-limit" : "unreadable-json", JsonErrors.describe(e))
                    .withErrors(List.of(new Problem.InputError(
                            e.getLocation() == null ? null : e.getLocation().getLineNr(), "", JsonErrors.describe(e))));
        }
        if (tree == null || tree.isMissingNode()) {
            throw ProblemException.badRequest("empty-body", "The body holds no JSON value");
        }
        return JsonTrees.requireClean(tree, limits.maxObjectMembers());
    }

    /** Runs the checks, recording in the audit trail a refusal they raise (unreadable input, 403). */
    private <T> T refusalsAudited(java.util.function.Supplier<T> checking, Scope scope) {
        try {
            return checking.get();
        } catch (ProblemException e) {
            audit.recordRefusalFor(
                    AuditTrail.Actor.of(scope),
                    new AuditTrail.Entry(
                            "submission.refused",
                            "submission",
                            "-",
                            e.targetJurisdiction(),
                            Map.of("status", e.status(), "detail", String.valueOf(e.getMessage()))));
            throw e;
        }
    }

    private void refuseUnlessAccepted(ReportChecks.Checked checked, Scope scope) {
        if (!checked.accepted()) {
            List<Finding> refusals = checked.refusals();
            Finding first = refusals.get(0);
            String key = checked.report() == null || checked.report().agencyCode() == null
                    ? "-"
                    : checked.report().agencyCode() + "/" + checked.report().year();
            audit.recordRefusalFor(
                    AuditTrail.Actor.of(scope),
                    new AuditTrail.Entry(
                            "submission.refused",
                            "submission",
                            key,
                            checked.jurisdiction(),
                            Map.of(
                                    "status",
                                    422,
                                    "rules",
                                    refusals.stream()
                                            .map(Finding::rule)
                                            .distinct()
                                            .toList())));
            throw ProblemException.unprocessable(
                            "report-refused",
                            refusals.size() + " problem(s) refuse this report; the first: " + first.rule() + " at "
                                    + String.join(", ", first.cells()) + ": " + first.message())
                    .withFindings(refusals);
        }
    }
}
