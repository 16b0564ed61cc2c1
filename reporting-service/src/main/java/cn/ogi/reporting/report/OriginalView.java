package cn.ogi.reporting.report;

/**
 * What a version shows of its document as published: the media type, the SHA-256 of the bytes, their number, and
 * where to get them ({@code GET /api/v1/reports/{agencyCode}/{year}/versions/{n}/original}).
 */
public record OriginalView(String mediaType, String sha256, long bytes, String href) {

    static String href(String agencyCode, int year, int version) {
        return "/api/v1/reports/" + agencyCode + "/" + year + "/versions/" + version + "/original";
    }
}
