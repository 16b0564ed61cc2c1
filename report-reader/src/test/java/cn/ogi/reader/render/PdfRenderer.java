package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A published PDF drawn with PDFBox and an embedded CJK font: title, prose wrapped at the page width, the tables as
 * ruled grids with every cell at real coordinates (spans honoured, long labels wrapped inside their cells, the group
 * label 三、本年度办理结果 written vertically in a narrow column), page breaks inside tables, page footers; some in
 * fake bold (every glyph drawn again a fraction of a point to the right, as it then stands in the text layer), some
 * with a diagonal watermark across every page, a running header or letter-spaced labels.
 */
public final class PdfRenderer implements Renderer {

    private final CjkFont font;
    private final boolean alwaysMarked;

    public PdfRenderer(CjkFont font) {
        this(font, false);
    }

    private PdfRenderer(CjkFont font, boolean alwaysMarked) {
        this.font = font;
        this.alwaysMarked = alwaysMarked;
    }

    /**
     * PDFs with everything a word processor or PDF printer may add to the text layer: always in fake bold (two strokes
     * more), watermarked with digits, with a running header and letter-spaced labels.
     */
    public static PdfRenderer withEverythingPrintersAdd(CjkFont font) {
        return new PdfRenderer(font, true);
    }

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        try (PdfCanvas canvas = new PdfCanvas(font)) {
            Flow flow = new Flow(canvas, 10.5f + rnd.nextInt(3));
            TableStyle style = TableStyle.random(rnd).withSpannedGroups(true).withAlignedTableOne();
            float tableSize = 8.5f + rnd.nextInt(3) * 0.5f;
            boolean wideGroupColumn = rnd.nextInt(4) == 0;
            // a fifth of the PDFs with letter-spaced labels, 0.3 to 1.2 of a character's width after each character
            float labelSpacing = alwaysMarked ? 0.8f : rnd.nextInt(5) == 0 ? 0.3f + rnd.nextInt(10) * 0.1f : 0;
            for (ReportDocument.Part part : ReportDocument.of(report, style).parts()) {
                if (part instanceof ReportDocument.Title t) {
                    flow.centred(t.text(), 16);
                } else if (part instanceof ReportDocument.Heading h) {
                    flow.paragraph(h.text(), flow.size + 1.5f, false);
                } else if (part instanceof ReportDocument.Paragraph p) {
                    flow.paragraph(p.text(), flow.size, true);
                } else if (part instanceof ReportDocument.Table t) {
                    flow.gap(rnd.nextInt(3) * 40);
                    new PdfTable(canvas, t.grid(), widths(t.grid(), wideGroupColumn), tableSize)
                            .withLabelSpacing(labelSpacing)
                            .draw(flow);
                }
            }
            footers(canvas, rnd.nextInt(2));
            if (alwaysMarked || rnd.nextInt(4) == 0) { // a running header (页眉) on every page: the title, its year
                runningHeaders(canvas, ReportDocument.of(report, style).parts());
            }
            if (rnd.nextInt(3) == 0) {
                canvas.printWith(Radicals.of(rnd, font::draws));
            }
            int overprints = alwaysMarked ? 2 : rnd.nextInt(8) - 4; // 3 in 8 in fake bold, 1–3 strokes more
            if (overprints > 0) {
                float[] offsets = new float[overprints];
                float step = 0.1f + rnd.nextInt(4) * 0.1f; // strokes 0.1 to 0.4 pt apart
                for (int i = 0; i < overprints; i++) {
                    offsets[i] = (i + 1) * step;
                }
                canvas.overprint(offsets);
            }
            if (alwaysMarked || rnd.nextInt(5) == 0) { // a watermark across every page, sometimes with digits
                String mark = !alwaysMarked && rnd.nextBoolean()
                        ? "政府信息公开"
                        : report.truth().year() + "年度公开";
                canvas.watermark(mark, 25 + rnd.nextInt(41));
            }
            return new Rendered(name(), canvas.finish(), "application/pdf", SourceForm.PDF);
        }
    }

    private static float[] widths(Grid grid, boolean wideGroupColumn) {
        float w = PdfCanvas.WIDTH - 2 * PdfCanvas.MARGIN;
        float[] widths = new float[grid.columns()];
        switch (grid.section()) {
            case FormVocabulary.ACTIVE -> {
                widths[0] = w * 0.36f;
                for (int i = 1; i < widths.length; i++) {
                    widths[i] = (w - widths[0]) / (widths.length - 1);
                }
            }
            case FormVocabulary.APPLICATIONS -> {
                widths[0] = wideGroupColumn ? 44 : 30;
                widths[1] = 74;
                widths[2] = 132 - widths[0] + 30;
                float labels = widths[0] + widths[1] + widths[2];
                for (int i = 3; i < widths.length; i++) {
                    widths[i] = (w - labels) / (widths.length - 3);
                }
            }
            default -> java.util.Arrays.fill(widths, w / widths.length);
        }
        return widths;
    }

    private static void footers(PdfCanvas canvas, int style) {
        for (int p = 0; p < canvas.pageCount(); p++) {
            String text = style == 0 ? "-" + (p + 1) + "-" : "第 " + (p + 1) + " 页";
            canvas.text(p, PdfCanvas.WIDTH / 2 - canvas.width(text, 10) / 2, 40, 10, text);
        }
    }

    private static void runningHeaders(PdfCanvas canvas, List<ReportDocument.Part> parts) {
        String title = parts.stream()
                .filter(ReportDocument.Title.class::isInstance)
                .map(t -> ((ReportDocument.Title) t).text())
                .findFirst()
                .orElse("政府信息公开工作年度报告");
        float size = 9;
        for (int p = 0; p < canvas.pageCount(); p++) {
            float y = PdfCanvas.HEIGHT - 40;
            canvas.text(p, PdfCanvas.WIDTH / 2 - canvas.width(title, size) / 2, y, size, title);
            canvas.line(p, PdfCanvas.MARGIN, y - 4, PdfCanvas.WIDTH - PdfCanvas.MARGIN, y - 4);
        }
    }

    /** The running position: page and baseline, moving down. */
    static final class Flow {
        final PdfCanvas canvas;
        final float size;
        int page;
        float y = PdfCanvas.HEIGHT - PdfCanvas.MARGIN;

        Flow(PdfCanvas canvas, float size) {
            this.canvas = canvas;
            this.size = size;
        }

        void ensure(float height) {
            if (y - height < PdfCanvas.BOTTOM) {
                page = canvas.newPage();
                y = PdfCanvas.HEIGHT - PdfCanvas.MARGIN;
            }
        }

        void gap(float height) {
            ensure(height);
            y -= height;
        }

        void centred(String text, float size) {
            float w = PdfCanvas.WIDTH - 2 * PdfCanvas.MARGIN;
            for (String line : canvas.wrap(text, size, w)) {
                ensure(size * 1.8f);
                y -= size * 1.8f;
                canvas.text(page, PdfCanvas.WIDTH / 2 - canvas.width(line, size) / 2, y, size, line);
            }
            y -= size;
        }

        void paragraph(String text, float size, boolean indent) {
            float w = PdfCanvas.WIDTH - 2 * PdfCanvas.MARGIN;
            float first = indent ? 2 * size : 0;
            List<String> lines = new ArrayList<>();
            List<String> firstWrap = canvas.wrap(text, size, w - first);
            if (!firstWrap.isEmpty()) {
                lines.add(firstWrap.get(0));
                String rest = text.substring(firstWrap.get(0).length());
                lines.addAll(canvas.wrap(rest, size, w)); // the rest of the paragraph uses the full width
            }
            for (int i = 0; i < lines.size(); i++) {
                ensure(size * 1.7f);
                y -= size * 1.7f;
                canvas.text(page, PdfCanvas.MARGIN + (i == 0 ? first : 0), y, size, lines.get(i));
            }
            y -= size * 0.4f;
        }
    }
}
