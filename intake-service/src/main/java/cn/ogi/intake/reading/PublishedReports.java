package cn.ogi.intake.reading;

import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.reader.PublishedReportReader;
import cn.ogi.reader.PublishedSource;
import cn.ogi.reader.ReadHints;
import cn.ogi.reader.ReaderLimits;
import cn.ogi.reader.Reading;
import cn.ogi.reader.UnreadableReportException;
import cn.ogi.web.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reads published reports (text, HTML, Markdown, PDF) with the report-reader module, within the configured limits;
 * a source that cannot be read as a report is a 422 that says why ({@code reason}: {@code pdf-no-text},
 * {@code pdf-encrypted}, {@code pdf-too-many-pages}, {@code no-tables}, …).
 */
@ApplicationScoped
public class PublishedReports {

    @Inject
    ReaderSettings settings;

    private PublishedReportReader reader;

    /** A reading with the agency code the caller gave and the rule engine's findings on it. */
    public record Read(Reading reading, AnnualReport report, List<Finding> findings) {
        public Read {
            findings = List.copyOf(findings);
        }
    }

    @PostConstruct
    void init() {
        reader = new PublishedReportReader(
                Editions.standard(),
                RuleEngine.standard(),
                new ReaderLimits(
                        settings.maxBytes(), settings.maxPdfPages(), settings.maxChars(), settings.maxPdfTime()));
    }

    /** The largest published report read (bytes); the body filter refuses larger ones with 413 before reading. */
    public int maxBytes() {
        return settings.maxBytes();
    }

    /** Reads one source; the agency code, when given, is the report's. 422 when it cannot be read. */
    public Read read(PublishedSource source, String agencyCode, Integer year) {
        Reading reading;
        try {
            reading = reader.read(source, new ReadHints(agencyCode, year));
        } catch (UnreadableReportException e) {
            throw ProblemException.unprocessable(
                            "unreadable-report",
                            "The " + describe(source) + " cannot be read as an annual report (" + e.reason() + "): "
                                    + e.getMessage())
                    .with("reason", e.reason());
        }
        AnnualReport report = agencyCode == null || agencyCode.isBlank()
                ? reading.report()
                : reading.report().withAgencyCode(agencyCode);
        if (report.year() == null) {
            throw ProblemException.unprocessable(
                            "unreadable-report",
                            "No reporting year was found in the title or the statistics period; pass it as the"
                                    + " 'year' parameter")
                    .with("reason", "no-year");
        }
        Reading withAgency = new Reading(report, reading.source(), reading.cells(), reading.notes(), reading.text());
        return new Read(withAgency, report, reader.findings(withAgency));
    }

    private static String describe(PublishedSource source) {
        return switch (source.baseType()) {
            case "application/pdf" -> "PDF";
            case "text/html" -> "web page";
            case "text/markdown" -> "Markdown text";
            default -> "text";
        };
    }
}
