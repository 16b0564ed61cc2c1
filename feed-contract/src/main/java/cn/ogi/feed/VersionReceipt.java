package cn.ogi.feed;

import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * reporting-service's answer to a delivery (intake → reporting): the version it produced (or the current one, when
 * the content was unchanged), whether it was a replay of a delivery already received, and the findings stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionReceipt(
        String agencyCode, int year, int version, boolean unchanged, boolean replayed, List<Finding> findings) {

    public VersionReceipt {
        findings = findings == null ? null : List.copyOf(findings);
    }
}
