package cn.ogi.intake.rest;

/** The media types of published reports besides text/plain and text/html. */
final class PublishedMediaTypes {

    static final String MARKDOWN = "text/markdown";
    static final String PDF = "application/pdf";

    private PublishedMediaTypes() {}
}
