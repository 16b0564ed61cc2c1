package cn.ogi.demo;

import cn.ogi.form.model.AnnualReport;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A generated report with the moment its agency is meant to have submitted it. The platform stamps
 * its own receive time on a submission, so {@code submittedAt} is what the demo <em>intends</em>, not
 * what a loaded platform records (see the README).
 *
 * @param report      the canonical report (passes every error rule)
 * @param submittedAt intended submission time, Asia/Shanghai (+08:00)
 * @param deadline    the last day on time: 31 January (departments) or 31 March (governments) of year + 1
 * @param late        {@code submittedAt} falls after the deadline day
 */
public record Submission(AnnualReport report, OffsetDateTime submittedAt, LocalDate deadline, boolean late) {

    public AgencyYear key() {
        return new AgencyYear(report.agencyCode(), report.year());
    }
}
