package cn.ogi.reporting.report;

import cn.ogi.form.rules.Finding;
import java.util.List;

/**
 * The answer to a delivery: the version it produced (or the current one, when the content was
 * unchanged), whether it was a replay of a delivery already received, and the findings stored.
 */
public record VersionReceipt(String agencyCode, int year, int version, boolean unchanged, boolean replayed,
        List<Finding> findings) {
}
