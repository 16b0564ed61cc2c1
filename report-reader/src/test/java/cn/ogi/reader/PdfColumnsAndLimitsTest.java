package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.ogi.reader.render.CjkFont;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.PdfRenderer;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.ReportGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A PDF's character positions place the numbers of Table 1 (which has no sums to check a reading by) under their
 * header's columns, also where a cell is blank; and the configured limits on a PDF's pages and time hold.
 */
class PdfColumnsAndLimitsTest {

    private static final String[] DOCUMENT_ROWS = {"activeDisclosure.rules", "activeDisclosure.normativeDocuments"};

    private final PublishedReportReader reader = new PublishedReportReader();

    @Test
    void table1RowsWithABlankCellAreReadByTheirHeadersColumns() {
        PdfRenderer pdf = renderer();
        ReportGenerator generator = new ReportGenerator();
        int checked = 0;
        List<String> notExact = new ArrayList<>();
        for (long seed = 5_000; seed < 5_040; seed++) {
            GeneratedReport report = generator.generate(seed);
            if (!report.brokenRules().isEmpty() || !blankInDocumentRow(report)) {
                continue;
            }
            Rendered rendered = pdf.render(report, new Random(seed));
            Reading reading = reader.read(
                    rendered.source(), new ReadHints(null, report.truth().year()));
            var read = reading.reportWithBlanksAsZero().cells().asMap();
            for (var e : report.truth().cells().asMap().entrySet()) {
                BigDecimal r = read.get(e.getKey());
                boolean exact = e.getValue() == null ? r == null : r != null && r.compareTo(e.getValue()) == 0;
                if (e.getKey().startsWith("activeDisclosure.") && !exact) {
                    notExact.add(seed + " " + e.getKey() + ": truth " + e.getValue() + ", read " + r);
                }
            }
            checked++;
        }
        assertTrue(
                checked >= 3, "too few generated reports with a blank in a Table 1 row of three columns: " + checked);
        assertEquals(List.of(), notExact);
    }

    @Test
    void aPdfOverThePageLimitIsRefusedSayingSo() {
        byte[] bytes = anyReportAsPdf();
        PublishedReportReader strict = new PublishedReportReader(
                cn.ogi.form.edition.Editions.standard(),
                cn.ogi.form.rules.RuleEngine.standard(),
                new ReaderLimits(20 * 1024 * 1024, 1, 2_000_000));
        UnreadableReportException e = assertThrows(
                UnreadableReportException.class,
                () -> strict.read(new PublishedSource(bytes, "application/pdf"), ReadHints.none()));
        assertEquals("pdf-too-many-pages", e.reason());
    }

    @Test
    void aPdfWhoseTextLayerTakesLongerThanTheLimitIsRefusedSayingSo() {
        byte[] bytes = anyReportAsPdf();
        PublishedReportReader hurried = new PublishedReportReader(
                cn.ogi.form.edition.Editions.standard(),
                cn.ogi.form.rules.RuleEngine.standard(),
                new ReaderLimits(20 * 1024 * 1024, 200, 2_000_000, Duration.ofNanos(1)));
        UnreadableReportException e = assertThrows(
                UnreadableReportException.class,
                () -> hurried.read(new PublishedSource(bytes, "application/pdf"), ReadHints.none()));
        assertEquals("pdf-unreadable", e.reason());
        assertTrue(e.getMessage().contains("could not be read within"), e.getMessage());
        // the same document within the standard time is read
        assertTrue(reader.read(new PublishedSource(bytes, "application/pdf"), ReadHints.none())
                        .report()
                        .cells()
                        .asMap()
                        .size()
                > 100);
    }

    private static boolean blankInDocumentRow(GeneratedReport report) {
        for (String row : DOCUMENT_ROWS) {
            long printed = report.truth().cells().asMap().keySet().stream()
                    .filter(k -> k.startsWith(row + "."))
                    .filter(k -> !report.blankCells().contains(k))
                    .count();
            long blank = report.blankCells().stream()
                    .filter(k -> k.startsWith(row + "."))
                    .count();
            if (blank > 0 && printed > 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] anyReportAsPdf() {
        return renderer()
                .render(new ReportGenerator().generate(5_000), new Random(5_000))
                .bytes();
    }

    private static PdfRenderer renderer() {
        Optional<CjkFont> font = CjkFont.installed();
        assumeTrue(
                font.isPresent(), "no CJK font installed (fonts-noto-cjk / fonts-wqy-zenhei): PDFs cannot be rendered");
        return new PdfRenderer(font.get());
    }
}
