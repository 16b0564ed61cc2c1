package cn.ogi.intake.submission;

import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.intake.directory.Directory;
import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.intake.parse.ParseHints;
import cn.ogi.intake.parse.ParseOutcome;
import cn.ogi.intake.parse.ReportTextParser;
import cn.ogi.intake.parse.UnreadableReportException;
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
    IntakeMetrics metrics;

    private final ReportTextParser parser = new ReportTextParser();
    private final RuleEngine rules = RuleEngine.standard();

    /**
     * Parses, checks and stores one pushed report; 422 with every finding when refused, 403 outside the scope.
     * {@code importedHistory}: the caller (an admin, checked by the resource) marks it as imported history.
     */
    public Submissions.Stored submitJson(
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
                        importedHistory),
                scope);
    }

    /**
     * Parses a published report's text and stores it as published, broken rules and all (they are
     * recorded as findings); only an unreadable text or an unknown agency is refused.
     */
    public Submissions.Stored submitText(
            String text,
            String agencyCode,
            Integer year,
            String correctionReason,
            String idempotencyKey,
            Scope scope,
            Integer expectedVersion,
            boolean importedHistory) {
        ReportChecks.Checked checked = refusalsAudited(
                () -> {
                    ParsedText parsed = parseText(text, agencyCode, year, true, scope);
                    return checks.checkPublished(
                            parsed.outcome().report().withCorrectionReason(correctionReason), scope);
                },
                scope);
        refuseUnlessAccepted(checked, scope);
        return submissions.store(
                new Submissions.Incoming(
                        checked.report(),
                        checked.jurisdiction(),
                        "text",
                        text,
                        idempotencyKey,
                        scope.subject(),
                        expectedVersion,
                        checked.findings(),
                        importedHistory),
                scope);
    }

    /** A parsed text with the rule engine's findings, storing nothing. */
    public record ParsedText(ParseOutcome outcome, List<Finding> findings) {}

    public ParsedText parseText(String text, String agencyCode, Integer year, boolean agencyRequired, Scope scope) {
        if (agencyCode == null || agencyCode.isBlank()) {
            if (agencyRequired) {
                throw ProblemException.badRequest(
                        "invalid-parameters",
                        "Parameter 'agencyCode' (the agency's 统一社会信用代码) is required for a text submission");
            }
        } else {
            CreditCode.problem(agencyCode).ifPresent(problem -> {
                throw ProblemException.badRequest("invalid-parameters", "Parameter 'agencyCode': " + problem);
            });
            directory
                    .agencyCatchingUp(agencyCode)
                    .ifPresent(agency -> scope.requireCovers(agency.jurisdiction.strip(), "agency " + agencyCode));
        }
        if (year != null
                && (year < 2000
                        || year > java.time.Year.now(java.time.ZoneOffset.UTC).getValue())) {
            throw ProblemException.badRequest(
                    "invalid-parameters", "Parameter 'year' must be a past or current year from 2000, got " + year);
        }
        String use = agencyRequired ? IntakeMetrics.SUBMISSION : IntakeMetrics.PARSE;
        ParseOutcome outcome;
        try {
            outcome = parser.parse(text, new ParseHints(agencyCode, year));
        } catch (UnreadableReportException e) {
            metrics.parsed(use, IntakeMetrics.UNREADABLE, null);
            throw ProblemException.unprocessable(
                    "unreadable-report", "The text cannot be read as an annual report: " + e.getMessage());
        }
        AnnualReport report = agencyCode == null || agencyCode.isBlank()
                ? outcome.report()
                : outcome.report().withAgencyCode(agencyCode);
        if (report.year() == null) {
            metrics.parsed(use, IntakeMetrics.UNREADABLE, outcome.edition());
            throw ProblemException.unprocessable(
                    "unreadable-report", "No reporting year was found in the title; pass it as the 'year' parameter");
        }
        metrics.parsed(use, IntakeMetrics.PARSED, outcome.edition());
        ParseOutcome withAgency = new ParseOutcome(report, outcome.edition(), outcome.notes());
        return new ParsedText(withAgency, rules.evaluate(report));
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
    private ReportChecks.Checked refusalsAudited(
            java.util.function.Supplier<ReportChecks.Checked> checking, Scope scope) {
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
