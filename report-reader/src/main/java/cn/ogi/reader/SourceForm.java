package cn.ogi.reader;

/** The form a published report was read from ({@code source.form} in the parse answer). */
public enum SourceForm {
    /** A web page: its tables read as grids (rowspan/colspan honoured), its prose from the visible text. */
    HTML("html"),
    /** A PDF with a text layer: table rows and columns rebuilt from the positions of the characters. */
    PDF("pdf"),
    /** Plain text of any line structure: a scrape on one line, pipes, tabs, a pdftotext layout, OCR output. */
    TEXT("text"),
    /** A Markdown conversion (tables as {@code | a | b |} lines with {@code |---|} separators). */
    MARKDOWN("markdown");

    private final String jsonName;

    SourceForm(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
