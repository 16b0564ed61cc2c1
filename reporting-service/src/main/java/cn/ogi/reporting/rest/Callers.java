package cn.ogi.reporting.rest;

/**
 * Who is calling. Until bearer tokens land (issue 7) the caller names itself in a header;
 * then the subject comes from the verified token instead.
 */
final class Callers {

    static final String SUBJECT_HEADER = "X-Ogi-Subject";

    private Callers() {
    }

    static String subject(String header) {
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }
}
