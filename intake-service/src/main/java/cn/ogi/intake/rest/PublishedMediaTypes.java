package cn.ogi.intake.rest;

/** The media types of published reports besides text/plain and text/html. */
final class PublishedMediaTypes {

    static final String MARKDOWN = "text/markdown";
    static final String PDF = "application/pdf";

    /** The request body of a published report, as the OpenAPI document describes it. */
    static final String BODY_DESCRIPTION = "A published report as the agency published it: its text (UTF-8, any line "
            + "structure: one line for the whole page, pipes, tabs, pdftotext layouts, OCR output), its web page, "
            + "Markdown, or the PDF itself; at most intake.reader.max-bytes";

    private PublishedMediaTypes() {}
}
