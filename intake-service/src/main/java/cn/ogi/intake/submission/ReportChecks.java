package cn.ogi.intake.submission;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.json.ReadMode;
import cn.ogi.form.json.ReadResult;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.form.rules.Severity;
import cn.ogi.form.rules.ValueRange;
import cn.ogi.intake.directory.Directory;
import cn.ogi.web.auth.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public record Checked(AnnualReport report, List<Finding> findings, List<Finding> refusals, String jurisdiction) {

        public boolean accepted() {
            return report != null && refusals.isEmpty();
        }

        public List<Finding> warnings() {
            return findings.stream()
                    .filter(f -> f.severity() == Severity.WARNING)
                    .toList();
        }
    }

    /**
     * Checks a pushed report for a caller: 403 as soon as the agency is known to lie outside the
     * caller's jurisdiction, whatever else the report holds.
     */
    public Checked checkPushed(JsonNode body, Scope scope) {
        return checkPushed(body, scope, directory.asking());
    }

    /** As {@link #checkPushed(JsonNode, Scope)}, asking the directory as part of a larger question (a batch). */
    public Checked checkPushed(JsonNode body, Scope scope, Directory.Asking asking) {
        ReadResult read = json.read(body, ReadMode.PUSH);
        List<Finding> findings = new ArrayList<>(read.problems());
        AnnualReport report = read.report();
        if (report == null) {
            return new Checked(null, findings, findings, null);
        }
        String jurisdiction = checkAgency(report, findings, scope, asking);
        if (findings.isEmpty()) {
            findings.addAll(rules.evaluate(report));
        }
        return new Checked(
                report,
                findings,
                findings.stream().filter(f -> f.severity() == Severity.ERROR).toList(),
                jurisdiction);
    }

    /**
     * A report as published (read from its text, page or PDF): {@code findings}, its reader's (blank cells judged
     * as the 0 they mean), are recorded, never blocking; only bounds, lengths and an unknown agency refuse it.
     */
    public Checked checkPublished(AnnualReport report, List<Finding> findings, Scope scope) {
        // A number outside its cell's bounds, or a text beyond the format's lengths, is never stored, not even as
        // printed: refused here rather than by reporting-service on delivery (the same reader's problems).
        List<Finding> refusals =
                new ArrayList<>(ValueRange.check(Editions.standard().get(report.edition()), report.cells()));
        if (refusals.isEmpty()) {
            refusals.addAll(json.read(json.write(report), ReadMode.PUBLISHED).problems());
        }
        String jurisdiction = checkAgency(report, refusals, scope, directory.asking());
        if (!refusals.isEmpty()) {
            return new Checked(report, refusals, refusals, jurisdiction);
        }
        return new Checked(report, findings, List.of(), jurisdiction);
    }

    /** The agency's jurisdiction; an AGENCY-UNKNOWN finding, or 403 when the caller does not cover it. */
    private String checkAgency(AnnualReport report, List<Finding> findings, Scope scope, Directory.Asking asking) {
        String code = report.agencyCode();
        boolean codeProblem = findings.stream().anyMatch(f -> f.cells().contains("agencyCode"));
        if (code == null || codeProblem) {
            return null;
        }
        Optional<String> agency = asking.jurisdictionOf(code);
        if (agency.isEmpty()) {
            findings.add(Finding.error(AGENCY_UNKNOWN, "agencyCode", unknownAgency(code)));
            return null;
        }
        String jurisdiction = agency.get();
        scope.requireCovers(jurisdiction, "agency " + code);
        return jurisdiction;
    }

    /**
     * What the submitter reads: the registry as intake followed it has no such agency — to be registered first, or,
     * when it was registered a moment ago, to be sent again once intake has followed the registry.
     */
    static String unknownAgency(String code) {
        return "No agency " + code
                + " is registered; ask the provincial administrator to register it before submitting (if it was"
                + " registered in the last few seconds, send the report again shortly: intake follows the registry"
                + " within seconds)";
    }

    public ReportJson json() {
        return json;
    }
}
