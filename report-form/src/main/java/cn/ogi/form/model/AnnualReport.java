package cn.ogi.form.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One agency's annual report in canonical form (REPORT-FORMAT.md). The numbers are in {@link ReportCells},
 * keyed by cell key; what the keys mean is in the edition definition.
 */
public record AnnualReport(
        String agencyCode,
        String agencyName,
        Integer year,
        String edition,
        String correctionReason,
        LocalDate publishedOn,
        Narrative narrative,
        ReportCells cells) {

    public AnnualReport {
        Objects.requireNonNull(edition, "edition");
        cells = cells == null ? ReportCells.empty() : cells;
    }

    public AnnualReport withCorrectionReason(String reason) {
        return new AnnualReport(agencyCode, agencyName, year, edition, reason, publishedOn, narrative, cells);
    }

    public AnnualReport withAgencyCode(String code) {
        return new AnnualReport(code, agencyName, year, edition, correctionReason, publishedOn, narrative, cells);
    }

    public AnnualReport withCells(ReportCells newCells) {
        return new AnnualReport(
                agencyCode, agencyName, year, edition, correctionReason, publishedOn, narrative, newCells);
    }
}
