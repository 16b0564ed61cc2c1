package cn.ogi.reporting.report;

import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The documents as published that come with deliveries: checked (all three fields or none, the SHA-256 the bytes
 * have, a known media type, at most {@code reporting.original.max-bytes}), stored beside their version in the
 * version's transaction, described in version views and served as they came.
 */
@ApplicationScoped
public class PublishedOriginals {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A token of RFC 9110 (type, subtype, parameter name or value). */
    private static final String TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";

    /** type/subtype with name=value parameters: it is served back as Content-Type, so nothing else gets in. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|\"[^\"\\\\\\r\\n]*\"))*");

    @Inject
    Sql sql;

    /** {@code reporting.original.max-bytes}: the largest original accepted. */
    private OriginalSettings settings;

    @Inject
    void configure(OriginalSettings settings) {
        this.settings = settings;
    }

    /**
     * The delivery's original, checked, or null when it has none: 422 for a partial or inconsistent one, 400 for
     * bytes that are not base64, 413 beyond the bound; each names the field.
     */
    PublishedOriginal read(VersionSubmission submission) {
        if (!submission.hasOriginal()) {
            return null;
        }
        requireAllThree(submission);
        String mediaType = checkedMediaType(submission.originalMediaType());
        String sha256 = submission.originalSha256().strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw invalid("originalSha256", "'originalSha256' must be 64 hexadecimal digits (SHA-256)");
        }
        String base64 = submission.originalBytes();
        // four characters per three bytes (less up to two of padding): refuse what cannot fit before decoding it
        if (base64.length() / 4 * 3L - 2 > settings.maxBytes()) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                            "invalid-original", "'originalBytes' is not base64 (RFC 4648): " + e.getMessage())
                    .withErrors(List.of(new Problem.InputError(null, "originalBytes", "not base64")));
        }
        if (bytes.length > settings.maxBytes()) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw invalid("originalBytes", "'originalBytes' is empty: a published original has content");
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha256)) {
            throw invalid(
                    "originalSha256",
                    "'originalSha256' is " + sha256 + " but the SHA-256 of originalBytes is " + actual
                            + ": the bytes are not the document that was hashed");
        }
        return new PublishedOriginal(mediaType, sha256, bytes);
    }

    /** 422 naming the first field missing when the original's three fields do not come together. */
    private static void requireAllThree(VersionSubmission submission) {
        List<String> missing = new ArrayList<>();
        if (submission.originalMediaType() == null) {
            missing.add("originalMediaType");
        }
        if (submission.originalSha256() == null) {
            missing.add("originalSha256");
        }
        if (submission.originalBytes() == null) {
            missing.add("originalBytes");
        }
        if (!missing.isEmpty()) {
            throw invalid(
                    missing.get(0),
                    "A published original needs originalMediaType, originalSha256 and originalBytes together; "
                            + "missing: " + String.join(", ", missing));
        }
    }

    /** The media type as it will be served (stripped), or 422 when it is not one of the known ones or malformed. */
    private static String checkedMediaType(String raw) {
        String mediaType = raw.strip();
        if (!PublishedOriginal.EXTENSIONS.containsKey(PublishedOriginal.baseType(mediaType))) {
            throw invalid(
                    "originalMediaType",
                    "'originalMediaType' must be one of "
                            + PublishedOriginal.EXTENSIONS.keySet().stream()
                                    .sorted()
                                    .toList()
                            + " (parameters such as charset allowed), got '" + abbreviate(mediaType) + "'");
        }
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw invalid(
                    "originalMediaType", "'originalMediaType' is not a media type: '" + abbreviate(mediaType) + "'");
        }
        return mediaType;
    }

    /** Stores the original of a new version; joins the version's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(String agencyCode, int year, int version, PublishedOriginal original) {
        sql.statement("""
                        INSERT INTO report_originals (agency_code, year, version, media_type, sha256, bytes)
                        VALUES (:agency, :year, :version, :mediaType, :sha256, :bytes)""")
                .bind("agency", agencyCode)
                .bind("year", year)
                .bind("version", version)
                .bind("mediaType", original.mediaType())
                .bind("sha256", original.sha256())
                .bind("bytes", original.bytes())
                .update();
    }

    /** What a version shows of its original; empty when it was delivered without one. */
    public Optional<OriginalView> describe(String agencyCode, int year, int version) {
        return Optional.ofNullable(describeAll(agencyCode, year).get(version));
    }

    /** The originals of a report's versions, by version number (those without one are absent). */
    public Map<Integer, OriginalView> describeAll(String agencyCode, int year) {
        Map<Integer, OriginalView> views = new HashMap<>();
        sql.statement("""
                        SELECT version, media_type, sha256, octet_length(bytes) FROM report_originals
                        WHERE agency_code = :agency AND year = :year""").bind("agency", agencyCode).bind("year", year).each(0, rs -> {
            int version = rs.getInt(1);
            views.put(
                    version,
                    new OriginalView(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            OriginalView.href(agencyCode, year, version)));
        });
        return views;
    }

    /** The original of a version, bytes and all; empty when it was delivered without one. */
    public Optional<PublishedOriginal> content(String agencyCode, int year, int version) {
        return sql.statement("""
                        SELECT media_type, sha256, bytes FROM report_originals
                        WHERE agency_code = :agency AND year = :year AND version = :version""")
                .bind("agency", agencyCode)
                .bind("year", year)
                .bind("version", version)
                .first(rs -> new PublishedOriginal(rs.getString(1), rs.getString(2), rs.getBytes(3)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private ProblemException tooLarge() {
        return ProblemException.of(
                        413,
                        "original-too-large",
                        "Published original too large",
                        "'originalBytes' holds more than " + settings.maxBytes()
                                + " bytes once decoded (reporting.original.max-bytes)")
                .withErrors(List.of(
                        new Problem.InputError(null, "originalBytes", "more than " + settings.maxBytes() + " bytes")));
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.unprocessable("invalid-original", detail)
                .withErrors(List.of(new Problem.InputError(null, field, detail)));
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
