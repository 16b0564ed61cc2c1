package cn.ogi.demo;

import cn.ogi.form.identity.AgencyKind;

/**
 * An agency of the demo registry.
 *
 * @param code         统一社会信用代码 (prefix 11, the division code, an organisation code, check character)
 * @param name         e.g. 青川市教育局
 * @param kind         a people's government or a department (on the wire {@code government}, {@code department})
 * @param jurisdiction division code of its jurisdiction
 * @param reportsFrom  first year it reports (created in an institutional reform), null when always
 * @param reportsUntil last year it reports (abolished), null when still reporting
 */
public record Agency(
        String code, String name, AgencyKind kind, String jurisdiction, Integer reportsFrom, Integer reportsUntil) {

    /** True if the agency is expected to publish a report for the year. */
    public boolean reportsIn(int year) {
        return (reportsFrom == null || year >= reportsFrom) && (reportsUntil == null || year <= reportsUntil);
    }

    public boolean isGovernment() {
        return kind == AgencyKind.GOVERNMENT;
    }
}
