package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.ogi.reader.render.CjkFont;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.PdfRenderer;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderer;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property: for every generated report and every published form, {@code read(render(report, form))} gives every
 * cell exactly or marks it unknown — never a wrong value — and recognises the form. Seeded and reproducible:
 * {@code -Dreader.seed=N} changes the run, {@code -Dreader.case=SEED:FORM} runs one case and prints it,
 * {@code -Dreader.cases} / {@code -Dreader.pdfCases} change the counts, {@code -Dreader.forms=html,pipe} picks forms;
 * every problem goes to {@code target/reader-property-problems.txt}. The per-form table is printed and written to
 * {@code target/reader-property.md}.
 */
class ReaderPropertyTest {

    private static final long SEED = Long.getLong("reader.seed", 2019_2021L);
    private static final int TEXT_CASES = Integer.getInteger("reader.cases", 9_700);
    private static final int PDF_CASES = Integer.getInteger("reader.pdfCases", 300);
    private static final String ONE_CASE = System.getProperty("reader.case");
    /** Comma-separated renderer names to run (default: all). */
    private static final String FORMS = System.getProperty("reader.forms");

    private static final long CASE_TIMEOUT_SECONDS = 30;

    private static final PropertyTable TABLE = new PropertyTable();
    private final ReportGenerator generator = new ReportGenerator();
    private final PublishedReportReader reader = new PublishedReportReader();

    @Test
    void textAndHtmlFormsAreReadExactlyOrMarkedUnknownNeverWrong() throws Exception {
        if (ONE_CASE != null) {
            runOneCase(ONE_CASE);
            return;
        }
        List<Renderer> forms = Renderers.textForms().stream()
                .filter(f -> FORMS == null || List.of(FORMS.split(",", -1)).contains(f.name()))
                .toList();
        run(forms, TEXT_CASES, 0);
    }

    @Test
    void pdfFormIsReadExactlyOrMarkedUnknownNeverWrong() throws Exception {
        assumeTrue(ONE_CASE == null, "one case requested");
        assumeTrue(FORMS == null || FORMS.contains("pdf"), "pdf not among -Dreader.forms");
        String noFont = "no CJK TrueType font found; install the Debian package " + CjkFont.DEBIAN_PACKAGE
                + " (deploy/local/browser does) or name a font file with -Dogi.cjk.font=...";
        if ("true".equals(System.getenv("CI"))) {
            // in CI the 300 PDF cases are part of the 10,000 the build promises: never skipped silently there
            assertTrue(CjkFont.installed().isPresent(), "PDF cases cannot run: " + noFont);
        }
        assumeTrue(CjkFont.installed().isPresent(), "PDF cases skipped: " + noFont);
        run(List.of(new PdfRenderer(CjkFont.installed().get())), PDF_CASES, 1_000_000);
    }

    @AfterAll
    static void writeTable() {
        if (!TABLE.all().isEmpty()) {
            System.out.println(TABLE.markdown(SEED));
            TABLE.write(Path.of("target", "reader-property.md"), SEED);
        }
    }

    private void run(List<Renderer> forms, int cases, int offset) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CaseResult> results = new ArrayList<>();
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                long caseSeed = SEED * 1_000_003L + offset + i;
                Renderer form = forms.get(i % forms.size());
                futures.add(pool.submit(() -> runCase(caseSeed, form)));
            }
            for (int i = 0; i < futures.size(); i++) {
                CaseResult r;
                try {
                    r = futures.get(i).get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    long caseSeed = SEED * 1_000_003L + offset + i;
                    String form = forms.get(i % forms.size()).name();
                    r = new CaseResult(
                            form,
                            caseSeed,
                            0,
                            0,
                            0,
                            0,
                            false,
                            null,
                            "no answer within " + CASE_TIMEOUT_SECONDS + " s",
                            CASE_TIMEOUT_SECONDS * 1_000_000_000L,
                            List.of());
                    futures.get(i).cancel(true);
                }
                if ("not-implemented".equals(r.refused())) {
                    fail("PublishedReportReader.read is not implemented yet (UnreadableReportException "
                            + "not-implemented): this property fails until the reader lands");
                }
                results.add(r);
                TABLE.add(r);
            }
        } finally {
            pool.shutdownNow();
        }
        assertNoWrongCell(results);
    }

    private CaseResult runCase(long caseSeed, Renderer form) {
        GeneratedReport report = generator.generate(caseSeed);
        Rendered rendered = form.render(report, new Random(caseSeed));
        long start = System.nanoTime();
        try {
            Reading reading = reader.read(
                    rendered.source(), new ReadHints(null, report.truth().year()));
            long nanos = System.nanoTime() - start;
            return CellComparison.compare(report, rendered, reading, nanos);
        } catch (UnreadableReportException e) {
            int cells = report.truth().cells().size();
            return new CaseResult(
                    form.name(),
                    caseSeed,
                    cells,
                    0,
                    cells,
                    0,
                    false,
                    e.reason(),
                    null,
                    System.nanoTime() - start,
                    List.of());
        } catch (RuntimeException | StackOverflowError e) {
            return new CaseResult(
                    form.name(), caseSeed, 0, 0, 0, 0, false, null, e.toString(), System.nanoTime() - start, List.of());
        }
    }

    private static void assertNoWrongCell(List<CaseResult> results) {
        List<String> problems = new ArrayList<>();
        for (CaseResult r : results) {
            String where = "case -Dreader.case=" + r.seed() + ":" + r.form();
            if (r.crash() != null) {
                problems.add(where + " crashed: " + r.crash());
            } else if (r.refused() == null && !r.formOk()) {
                problems.add(where + ": source form not recognised");
            }
            for (String e : r.examples()) {
                problems.add(where + " wrong cell " + e);
            }
        }
        long wrong = results.stream().mapToLong(CaseResult::wrong).sum();
        if (!problems.isEmpty()) {
            System.out.println(String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
            writeProblems(problems);
        }
        assertEquals(
                0,
                problems.size(),
                wrong + " wrong cells, " + problems.size() + " problems; first: "
                        + problems.subList(0, Math.min(10, problems.size())));
    }

    /** Every problem of the run, one a line, in target/reader-property-problems.txt. */
    private static synchronized void writeProblems(List<String> problems) {
        try {
            Path file = Path.of("target", "reader-property-problems.txt");
            Files.createDirectories(file.getParent());
            Files.write(
                    file, problems, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Cases of other seeds once read wrong, each kept right: an OCR space inside a number ({@code 1 3820}) made a
     * row look full, and the columns learnt from it placed other rows' numbers one column off (24 cells in 6,000);
     * a one-line Table 3 whose fifteen digits are its fifteen cells but whose publisher's 行政复议 total contradicts
     * its parts ({@code 003061410600000}) was read as the one reading that balances, with empty cells the page does
     * not show ({@code 0 0 · · · 30 6 14 10 60 …}, 7 cells wrong) — every cell shown and one number misprinted now
     * competes with it; a layout whose columns moved by four characters at a page footer (no page feed) had its
     * columns learnt from both margins at once, which put a row's first number {@code 12} one column to the right
     * and broke two balances between rows read one way each — rules the search had nothing to choose in, so never
     * checked (2 cells wrong); a one-line scrape whose blank cells print 无 between the numbers
     * ({@code 申请224无无6无8238}) read a total of 4 for 238 while the marks were label text; a one-line scrape whose
     * blank cells print {@code -} ({@code 行政许可--8}: two blanks and 8) read the second dash as the minus of the
     * change (−8, and the 8 decisions blank) — a dash run together so is a mark or a minus, the text does not say;
     * one-line scrapes whose items print without their numbers ({@code 信访举报投诉类申请重复申请要求提供公开出版物 4 4}) gave
     * the numbers of the last label to the first row, where the rows before it printed as their labels alone were not
     * found by their labels without the number; an item numbered {@code (7 )} with a scrape's stray space inside its
     * brackets had its 7 read as a cell.
     */
    @ParameterizedTest
    @CsvSource({
        "7002468, ocr-layout",
        "11001800, ocr-layout",
        "2019006194, flowing",
        "99001690, ocr-layout",
        "20192081576162, flowing",
        "7000714, flowing",
        "7001088, flowing",
        "42000511, flowing",
        "20192081580914, flowing"
    })
    void aCaseOnceReadWrongIsReadWithoutAWrongCell(long caseSeed, String formName) {
        CaseResult r = runCase(caseSeed, Renderers.named(formName));

        assertEquals(0, r.wrong(), () -> "wrong cells: " + r.examples());
    }

    /**
     * A mostly blank Table 2 taken cell by cell (one run of two numbers; eleven rows printed as their labels alone,
     * more label text than a row's pending text once kept): every row found, every cell of Table 2 exact.
     */
    @Test
    void aSparseTableTakenCellByCellIsReadRowByRow() {
        long caseSeed = 3_000_050L;
        GeneratedReport report = generator.generate(caseSeed);
        Reading reading = readAs(report, caseSeed, "cells");

        List<String> notExact = CellComparison.notExact(report, reading).stream()
                .filter(c -> c.startsWith("applications."))
                .toList();
        assertEquals(List.of(), notExact);
    }

    /**
     * A text that ends every cell with an empty line shows its blank cells as further empty lines ({@code 228}, one
     * empty line, {@code 0}, two, {@code 9}, four, {@code 237}): every cell of a sparse report's Tables 1 and 2 is read
     * (97 were ambiguous while blanks were taken as unshown). Empty lines before a row's first cell stay cells only
     * where the row needs them (a scrape may end each row with empty lines of its own), and before Table 3's first
     * number they are the header's padding: its blank cells there stay unknown.
     */
    @Test
    void aTextEndingEveryCellWithAnEmptyLineShowsItsBlankCells() {
        long caseSeed = 2_019_006_090L;
        GeneratedReport report = generator.generate(caseSeed);
        Reading reading = readAs(report, caseSeed, "cells");

        assertEquals(
                List.of(),
                CellComparison.notExact(report, reading).stream()
                        .filter(c -> !c.startsWith("reviews."))
                        .toList());
    }

    /**
     * An OCR look-alike inside a row's label (重新出具己获取信息) no longer hides which row it is: the blank row
     * printed as its label alone before it (4.无正当理由大量反复申请) is counted, and every (五) row is placed.
     */
    @Test
    void aLabelWithAnOcrLookAlikeStillOwnsItsRow() {
        long caseSeed = 3_000_099L;
        GeneratedReport report = generator.generate(caseSeed);
        Reading reading = readAs(report, caseSeed, "ocr-layout");

        List<String> unplaced = reading.cells().entrySet().stream()
                .filter(e -> e.getKey().startsWith("applications.notProcessed."))
                .filter(e -> e.getValue().unknown() == Unknown.UNREADABLE)
                .map(java.util.Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), unplaced); // a lone 7 of seven columns may stay ambiguous, but its row is known
    }

    /** The generated report rendered in the named form and read back. */
    private Reading readAs(GeneratedReport report, long caseSeed, String formName) {
        Rendered rendered = Renderers.named(formName).render(report, new Random(caseSeed));
        return reader.read(rendered.source(), new ReadHints(null, report.truth().year()));
    }

    /** One case, printed in full: the rendering is written to target/reader-case.* for a look. */
    private void runOneCase(String spec) throws Exception {
        String[] parts = spec.split(":", -1);
        long caseSeed = Long.parseLong(parts[0]);
        Renderer form = Renderers.named(parts[1]);
        GeneratedReport report = generator.generate(caseSeed);
        Rendered rendered = form.render(report, new Random(caseSeed));
        Path file = Path.of(
                "target", "reader-case." + (rendered.expectedForm().name().equals("PDF") ? "pdf" : "txt"));
        Files.createDirectories(file.getParent());
        Files.write(file, rendered.bytes());
        Files.writeString(Path.of("target", "reader-case.truth.txt"), TruthText.of(report));
        System.out.println("case " + spec + ": rendering in " + file + ", truth in target/reader-case.truth.txt");
        CaseResult r = runCase(caseSeed, form);
        System.out.println(r);
        try {
            Reading reading = reader.read(
                    rendered.source(), new ReadHints(null, report.truth().year()));
            System.out.println("cells not exact:\n  " + String.join("\n  ", CellComparison.notExact(report, reading)));
            reading.notes().forEach(n -> System.out.println("note " + n.kind() + " " + n.cells() + ": " + n.message()));
        } catch (UnreadableReportException e) {
            System.out.println("unreadable: " + e.reason() + ": " + e.getMessage());
        }
        TABLE.add(r);
        if ("not-implemented".equals(r.refused())) {
            fail("PublishedReportReader.read is not implemented yet");
        }
        assertNoWrongCell(List.of(r));
    }
}
