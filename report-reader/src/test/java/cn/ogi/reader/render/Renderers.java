package cn.ogi.reader.render;

import java.util.ArrayList;
import java.util.List;

/** Every published form the property test covers; the PDF form only when a CJK font is installed. */
public final class Renderers {

    private Renderers() {}

    /** The text and HTML forms (no font needed). */
    public static List<Renderer> textForms() {
        return List.of(
                new FlowingScrapeRenderer(),
                new PipeScrapeRenderer(),
                new TabCopyRenderer(),
                new HtmlRenderer(false),
                new HtmlRenderer(true),
                new MarkdownRenderer(false),
                new MarkdownRenderer(true),
                new LayoutTextRenderer(),
                new OcrNoiseRenderer(false),
                new OcrNoiseRenderer(true),
                new CellPerLineRenderer());
    }

    /** All forms: the text forms and, if a usable CJK font is installed, the PDF form. */
    public static List<Renderer> all() {
        List<Renderer> all = new ArrayList<>(textForms());
        CjkFont.installed().ifPresent(f -> all.add(new PdfRenderer(f)));
        return List.copyOf(all);
    }

    public static Renderer named(String name) {
        return all().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no renderer '" + name + "' (or no CJK font for pdf)"));
    }
}
