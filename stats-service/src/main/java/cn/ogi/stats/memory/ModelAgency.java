package cn.ogi.stats.memory;

import cn.ogi.stats.memory.ModelRows.AgencyRow;
import cn.ogi.stats.memory.ModelRows.LateReport;
import cn.ogi.stats.memory.ModelRows.ReportFindings;
import cn.ogi.stats.model.CompletenessCells;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * An agency of the model in memory ({@link MemoryModel}) with the years it reported, its late reports and the
 * findings of its reports; changed only by the model.
 */
public final class ModelAgency {
    static final int[] NO_YEARS = new int[0];
    final String code;
    String name;
    String kind;
    String jurisdiction;
    Integer from;
    Integer until;
    int[] years = NO_YEARS;
    Map<Integer, LateReport> late;
    Map<Integer, ReportFindings> findings;

    ModelAgency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** The agency as its registry row. */
    public AgencyRow row() {
        return new AgencyRow(code, name, kind, jurisdiction, from, until);
    }

    /** The years it has a report for, ascending. */
    public int[] reportedYears() {
        return years;
    }

    public boolean expected(int year) {
        return CompletenessCells.expected(from, until, year);
    }

    public boolean reported(int year) {
        return Arrays.binarySearch(years, year) >= 0;
    }

    public LateReport late(int year) {
        return late == null ? null : late.get(year);
    }

    public ReportFindings findings(int year) {
        return findings == null ? null : findings.get(year);
    }

    /** Whether another model holds the agency the same: its row, the years it reported, its late reports, findings. */
    boolean sameAs(ModelAgency other) {
        return row().equals(other.row())
                && Arrays.equals(years, other.years)
                && Objects.equals(late, other.late)
                && Objects.equals(findings, other.findings);
    }
}
