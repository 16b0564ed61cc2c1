package cn.ogi.reader.layout;

import cn.ogi.reader.ReaderLimits;
import cn.ogi.reader.SourceForm;
import cn.ogi.reader.UnreadableReportException;
import cn.ogi.reader.text.Normalizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out a PDF's text layer with Apache PDFBox from the positions of its characters: characters on one baseline
 * form a line, a horizontal gap wider than a fraction of the font size starts a new piece, and every piece keeps
 * its x-coordinates in points, so that table columns are told by position, not by guessed spacing.
 */
public final class PdfLayout {

    /** A gap this wide (in font sizes) separates cells; narrower gaps are spaces inside a cell. */
    private static final double CELL_GAP = 0.45;

    private static final double WORD_GAP = 0.18;
    /** How far from the page's axes a character's baseline may turn and still be the page's text, in degrees. */
    private static final double SLANT_DEGREES = 2;

    /** Daemon workers for text extraction (see {@link #extract}); idle ones end after a minute. */
    private static final java.util.concurrent.ExecutorService EXTRACTION =
            java.util.concurrent.Executors.newCachedThreadPool(run -> {
                Thread t = new Thread(run, "pdf-text");
                t.setDaemon(true);
                return t;
            });

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private PdfLayout() {}

    public static Layout of(byte[] bytes, ReaderLimits limits) {
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw new UnreadableReportException(
                        "pdf-too-many-pages",
                        "the PDF has " + pages + " pages, more than the " + limits.maxPdfPages()
                                + " an annual report may have (configured limit)");
            }
            if (pages == 0) {
                throw new UnreadableReportException("pdf-no-text", "the PDF has no pages");
            }
            Collector collector =
                    new Collector(limits.maxChars(), limits.maxPdfTime().toNanos());
            extract(collector, doc, limits);
            List<Line> lines = collector.lines();
            if (collector.characters == 0) {
                throw new UnreadableReportException(
                        "pdf-no-text",
                        "the PDF has no text layer (" + pages + " pages of images: a scan?); "
                                + "send the report's text or a PDF with text");
            }
            return new Layout(SourceForm.PDF, lines, pages);
        } catch (InvalidPasswordException e) {
            throw new UnreadableReportException(
                    "pdf-encrypted", "the PDF is encrypted with a password; send an unprotected copy");
        } catch (IOException e) {
            throw new UnreadableReportException(
                    "pdf-unreadable", "the PDF cannot be read (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * Extracts the text layer on a worker thread. The worker stops once it has used the configured processor time
     * (processor time, not elapsed time: a busy machine must not refuse a good PDF), checked between content-stream
     * operators; PDFBox cannot be interrupted inside one (a damaged font's ToUnicode table can take seconds to
     * parse), so the caller also stops waiting after twice the limit and a second in elapsed time.
     */
    private static void extract(Collector collector, PDDocument doc, ReaderLimits limits) throws IOException {
        java.util.concurrent.Future<Void> work = EXTRACTION.submit(() -> {
            collector.getText(doc);
            return null;
        });
        try {
            work.get(2 * limits.maxPdfTime().toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw outOfTime(limits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableReportException("pdf-unreadable", "the reading of the PDF was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfTime) {
                throw outOfTime(limits);
            } else if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            collector.stop();
        }
    }

    private static UnreadableReportException outOfTime(ReaderLimits limits) {
        return new UnreadableReportException(
                "pdf-unreadable",
                "the PDF's text layer could not be read within "
                        + limits.maxPdfTime().toSeconds() + " s (configured limit; a damaged font or content stream?)");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "damaged file";
        }
        String m = message.lines().findFirst().orElse("damaged file");
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    /** Collects every character with its position, page by page, and builds lines from them. */
    private static final class Collector extends PDFTextStripper {

        private final int maxChars;
        private final List<Line> lines = new ArrayList<>();
        private final List<TextPosition> page = new ArrayList<>();
        private final Strokes strokes = new Strokes();
        private final long cpuBudget;
        private long cpuStart = -1;
        private long operators;
        private volatile boolean stopped;
        private int characters;

        Collector(int maxChars, long cpuBudget) throws IOException {
            this.maxChars = maxChars;
            this.cpuBudget = cpuBudget;
            setSortByPosition(true);
        }

        /**
         * Checks the processor time used before every eighth content-stream operator and before every font change
         * (where PDFBox parses a font): a damaged stream must not hold a thread.
         */
        @Override
        protected void processOperator(
                org.apache.pdfbox.contentstream.operator.Operator operator,
                List<org.apache.pdfbox.cos.COSBase> operands)
                throws IOException {
            if (stopped) {
                throw new OutOfTime();
            }
            if ((++operators & 7) == 0 || "Tf".equals(operator.getName())) {
                long cpu = CPU.getCurrentThreadCpuTime();
                if (cpuStart < 0) {
                    cpuStart = cpu;
                } else if (cpu - cpuStart > cpuBudget) {
                    throw new OutOfTime();
                }
            }
            super.processOperator(operator, operands);
        }

        /**
         * Keeps a character of the page's text: not a blank, not slanted (a watermark drawn across the page), and
         * not a copy of one already kept at nearly the same place (fake bold: a word processor without a bold face
         * of the font draws each glyph two or more times a fraction of a point apart, and every stroke stands in the
         * text layer — without this, {@code 12} would read as {@code 1122}).
         */
        @Override
        protected void processTextPosition(TextPosition text) {
            if (characters < maxChars
                    && text.getUnicode() != null
                    && !text.getUnicode().isBlank()
                    && upright(text)
                    && strokes.firstAt(text)) {
                page.add(text);
                characters++;
            }
        }

        /** Whether a character's baseline runs along or across the page, not slanted (its text matrix's angle). */
        private static boolean upright(TextPosition text) {
            Matrix m = text.getTextMatrix();
            double degrees = Math.abs(Math.toDegrees(Math.atan2(m.getShearY(), m.getScaleX()))) % 90;
            return degrees < SLANT_DEGREES || degrees > 90 - SLANT_DEGREES;
        }

        @Override
        protected void endPage(org.apache.pdfbox.pdmodel.PDPage p) throws IOException {
            layOut(getCurrentPageNo());
            page.clear();
            strokes.clear();
            super.endPage(p);
        }

        /** Makes the worker stop at its next operator (the caller stopped waiting, or is done). */
        void stop() {
            stopped = true;
        }

        List<Line> lines() {
            return lines;
        }

        private void layOut(int pageNo) {
            List<TextPosition> glyphs = new ArrayList<>(page);
            glyphs.sort(
                    Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
            List<List<TextPosition>> rows = new ArrayList<>();
            List<TextPosition> row = new ArrayList<>();
            double baseline = Double.NaN;
            for (TextPosition g : glyphs) {
                double tolerance = Math.max(1.0, 0.35 * height(g));
                if (!row.isEmpty() && Math.abs(g.getYDirAdj() - baseline) > tolerance) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
                if (row.isEmpty()) {
                    baseline = g.getYDirAdj();
                }
                row.add(g);
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
            for (List<TextPosition> r : rows) {
                r.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
                Line line = line(r, pageNo);
                if (!line.pieces().isEmpty() && !Footers.isPageFooter(line.text())) {
                    lines.add(line);
                }
            }
        }

        private static String pieceText(StringBuilder text) {
            return SpacedLetters.compacted(Normalizer.normalize(text.toString()).strip());
        }

        private static double height(TextPosition g) {
            double h = g.getFontSizeInPt();
            return h > 0 ? h : Math.max(g.getHeightDir(), 1);
        }

        private static Line line(List<TextPosition> glyphs, int pageNo) {
            List<Piece> pieces = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            double x0 = Double.NaN;
            double end = Double.NaN;
            for (TextPosition g : glyphs) {
                double size = height(g);
                double gap = g.getXDirAdj() - end;
                if (!text.isEmpty() && gap > CELL_GAP * size) {
                    pieces.add(new Piece(pieceText(text), x0, end, Piece.Kind.TEXT));
                    text.setLength(0);
                }
                if (text.isEmpty()) {
                    x0 = g.getXDirAdj();
                } else if (gap > WORD_GAP * size) {
                    text.append(' ');
                }
                text.append(g.getUnicode());
                end = Math.max(
                        Double.isNaN(end) || text.length() == g.getUnicode().length() ? g.getXDirAdj() : end,
                        g.getXDirAdj() + g.getWidthDirAdj());
            }
            if (!text.isEmpty()) {
                pieces.add(new Piece(pieceText(text), x0, end, Piece.Kind.TEXT));
            }
            return new Line(SpacedLetters.joined(pieces), pageNo);
        }
    }

    /** The time for the text layer ran out (unchecked, so that it passes through PDFBox's stream engine). */
    private static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfTime() {
            super("out of time", null, false, false);
        }
    }
}
