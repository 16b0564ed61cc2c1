package cn.ogi.intake.submission;

import cn.ogi.form.json.ReadMode;
import cn.ogi.form.json.ReadResult;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import cn.ogi.intake.directory.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check a pushed report must pass, in one place for submissions, batches and dry runs:
 * the canonical structure (every problem at once), a known agency, then the rules.
 */
@ApplicationScoped
public class ReportChecks {

    public static final String AGENCY_UNKNOWN = "AGENCY-UNKNOWN";

    @Inject
    Directory directory;

    private final ReportJson json = ReportJson.standard();
    private final RuleEngine rules = RuleEngine.standard();

    /**
     * The outcome: the report (null if unusable), every finding, and those that refuse it. For a push
     * every error refuses; for a published text only what makes it unusable (an unknown agency) does.
     */
    public record Checked(AnnualReport report, List<Finding> findings, List<Finding> refusals) {

        public boolean accepted() {
            return report != null && refusals.isEmpty();
        }

        public List<Finding> warnings() {
            return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        }
    }

    public Checked checkPushed(JsonNode body) {
        ReadResult read = json.read(body, ReadMode.PUSH);
        List<Finding> findings = new ArrayList<>(read.problems());
        AnnualReport report = read.report();
        if (report == null) {
            return new Checked(null, findings, findings);
        }
        checkAgency(report, findings);
        if (findings.isEmpty()) {
            findings.addAll(rules.evaluate(report));
        }
        return new Checked(report, findings, findings.stream().filter(f -> f.severity() == Severity.ERROR).toList());
    }

    /** A report as published (from its text): rule findings are recorded, never blocking. */
    public Checked checkPublished(AnnualReport report) {
        List<Finding> refusals = new ArrayList<>();
        checkAgency(report, refusals);
        if (!refusals.isEmpty()) {
            return new Checked(report, refusals, refusals);
        }
        return new Checked(report, rules.evaluate(report), List.of());
    }

    private void checkAgency(AnnualReport report, List<Finding> findings) {
        String code = report.agencyCode();
        boolean codeProblem = findings.stream().anyMatch(f -> f.cells().contains("agencyCode"));
        if (code != null && !codeProblem && directory.agencyCatchingUp(code).isEmpty()) {
            findings.add(Finding.error(AGENCY_UNKNOWN, "agencyCode", "No agency " + code
                    + " is registered; ask the provincial administrator to register it before submitting"));
        }
    }

    public ReportJson json() {
        return json;
    }
}
