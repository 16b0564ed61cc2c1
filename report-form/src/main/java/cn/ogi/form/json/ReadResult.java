package cn.ogi.form.json;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import java.util.List;

/**
 * The outcome of reading a report.
 *
 * @param report   the report as far as it could be read; null only when the input is unusable
 *                 (not a JSON object, or no known edition and no year to derive one from)
 * @param problems every structural problem found (SCHEMA-* findings), not just the first
 */
public record ReadResult(AnnualReport report, List<Finding> problems) {

    public ReadResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return report != null && problems.isEmpty();
    }
}
