package cn.ogi.reporting.registry;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency as clients see it; the reporting years are optional bounds (inclusive). */
@Schema(name = "Agency", example = """
        {"code": "11371500004315052T", "name": "聊城市市场监督管理局", "kind": "department",
         "jurisdiction": "371500", "reportsFrom": 2019, "reportsUntil": null}""")
public record AgencyView(
        String code, String name, String kind, String jurisdiction, Integer reportsFrom, Integer reportsUntil) {

    /** Whether the agency is expected to publish a report for the given year. */
    public boolean expectedIn(int year) {
        return (reportsFrom == null || reportsFrom <= year) && (reportsUntil == null || year <= reportsUntil);
    }
}
