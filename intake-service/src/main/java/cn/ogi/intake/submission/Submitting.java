package cn.ogi.intake.submission;

import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.intake.parse.ParseHints;
import cn.ogi.intake.parse.ParseOutcome;
import cn.ogi.intake.parse.ReportTextParser;
import cn.ogi.intake.parse.UnreadableReportException;
import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** From a request body to a stored submission or a refusal that lists every finding. */
@ApplicationScoped
public class Submitting {

    @Inject
    ReportChecks checks;

    @Inject
    Submissions submissions;

    @Inject
    ObjectMapper json;

    private final ReportTextParser parser = new ReportTextParser();
    private final RuleEngine rules = RuleEngine.standard();

    /** Parses, checks and stores one pushed report; 422 with every finding when refused. */
    public Submissions.Stored submitJson(String body, String idempotencyKey, String submitter, Integer expectedVersion) {
        ReportChecks.Checked checked = checks.checkPushed(parse(body));
        refuseUnlessAccepted(checked);
        return submissions.store(new Submissions.Incoming(checked.report(), "api", null, idempotencyKey, submitter,
                expectedVersion, checked.findings()));
    }

    /**
     * Parses a published report's text and stores it as published, broken rules and all (they are
     * recorded as findings); only an unreadable text or an unknown agency is refused.
     */
    public Submissions.Stored submitText(String text, String agencyCode, Integer year, String correctionReason,
            String idempotencyKey, String submitter, Integer expectedVersion) {
        ParsedText parsed = parseText(text, agencyCode, year, true);
        ReportChecks.Checked checked = checks.checkPublished(
                parsed.outcome().report().withCorrectionReason(correctionReason));
        refuseUnlessAccepted(checked);
        return submissions.store(new Submissions.Incoming(checked.report(), "text", text, idempotencyKey, submitter,
                expectedVersion, checked.findings()));
    }

    /** A parsed text with the rule engine's findings, storing nothing. */
    public record ParsedText(ParseOutcome outcome, List<Finding> findings) {
    }

    public ParsedText parseText(String text, String agencyCode, Integer year, boolean agencyRequired) {
        if (agencyCode == null || agencyCode.isBlank()) {
            if (agencyRequired) {
                throw ProblemException.badRequest("invalid-parameters",
                        "Parameter 'agencyCode' (the agency's 统一社会信用代码) is required for a text submission");
            }
        } else {
            CreditCode.problem(agencyCode).ifPresent(problem -> {
                throw ProblemException.badRequest("invalid-parameters", "Parameter 'agencyCode': " + problem);
            });
        }
        if (year != null && (year < 2000 || year > java.time.Year.now().getValue())) {
            throw ProblemException.badRequest("invalid-parameters",
                    "Parameter 'year' must be a past or current year from 2000, got " + year);
        }
        ParseOutcome outcome;
        try {
            outcome = parser.parse(text, new ParseHints(agencyCode, year));
        } catch (UnreadableReportException e) {
            throw ProblemException.unprocessable("unreadable-report", "The text cannot be read as an annual report: "
                    + e.getMessage());
        }
        AnnualReport report = agencyCode == null || agencyCode.isBlank() ? outcome.report()
                : outcome.report().withAgencyCode(agencyCode);
        if (report.year() == null) {
            throw ProblemException.unprocessable("unreadable-report",
                    "No reporting year was found in the title; pass it as the 'year' parameter");
        }
        ParseOutcome withAgency = new ParseOutcome(report, outcome.edition(), outcome.notes());
        return new ParsedText(withAgency, rules.evaluate(report));
    }

    /** Parses and checks, storing nothing. */
    public ReportChecks.Checked validate(String body) {
        return checks.checkPushed(parse(body));
    }

    public JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("unreadable-json", "The body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    static void refuseUnlessAccepted(ReportChecks.Checked checked) {
        if (!checked.accepted()) {
            List<Finding> refusals = checked.refusals();
            Finding first = refusals.get(0);
            throw ProblemException.unprocessable("report-refused", refusals.size() + " problem(s) refuse this report; the first: "
                            + first.rule() + " at " + String.join(", ", first.cells()) + ": " + first.message())
                    .withFindings(refusals);
        }
    }
}
