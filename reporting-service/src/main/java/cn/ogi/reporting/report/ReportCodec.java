package cn.ogi.reporting.report;

import cn.ogi.feed.ReportVersionCreated;
import cn.ogi.form.json.ReadMode;
import cn.ogi.form.json.ReadResult;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.FindingsJson;
import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Between stored JSON and the report-form model: reading deliveries, canonical content, findings. */
@ApplicationScoped
public class ReportCodec {

    private static final Set<String> SOURCES = Set.of("api", "text");

    @Inject
    ObjectMapper json;

    private final ReportJson reports = ReportJson.standard();

    /**
     * Reads a delivered report as published (blank cells allowed: text imports are stored as printed)
     * and checks that it is the report the path names. Every structural problem is reported at once.
     */
    AnnualReport readDelivered(String agencyCode, int year, VersionSubmission submission) {
        if (submission == null
                || submission.report() == null
                || !submission.report().isObject()) {
            throw ProblemException.unprocessable(
                    "invalid-delivery", "The body needs a 'report' object in canonical JSON");
        }
        if (submission.source() == null || !SOURCES.contains(submission.source())) {
            throw ProblemException.unprocessable(
                    "invalid-delivery", "'source' must be one of " + SOURCES + ", got '" + submission.source() + "'");
        }
        if ("text".equals(submission.source())
                && !submission.hasOriginal()
                && (submission.originalText() == null
                        || submission.originalText().isBlank())) {
            throw ProblemException.unprocessable(
                    "invalid-delivery",
                    "A text import must carry its 'originalText' or the document as published (originalBytes)");
        }
        if (submission.submittedBy() == null || submission.submittedBy().isBlank()) {
            throw ProblemException.unprocessable(
                    "invalid-delivery", "'submittedBy' (the submitter's subject) is required");
        }
        ReadResult read = reports.read(submission.report(), ReadMode.PUBLISHED);
        if (read.report() == null || !read.problems().isEmpty()) {
            throw ProblemException.unprocessable(
                            "invalid-report",
                            "The report is not valid canonical JSON: "
                                    + (read.problems().isEmpty()
                                            ? "unusable"
                                            : read.problems().get(0).message()))
                    .withFindings(read.problems());
        }
        AnnualReport report = read.report();
        if (!Objects.equals(report.agencyCode(), agencyCode) || !Objects.equals(report.year(), year)) {
            throw ProblemException.unprocessable(
                    "report-mismatch",
                    "The report is for agency " + report.agencyCode() + ", year " + report.year() + ", but was sent to "
                            + agencyCode + "/" + year);
        }
        return report;
    }

    AnnualReport readStored(String content) {
        try {
            return reports.read(json.readTree(content), ReadMode.PUBLISHED).report();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored report content is not JSON", e);
        }
    }

    /** The content hash ignores the correction reason: a resubmission that only explains is unchanged. */
    String contentSha256(AnnualReport report) {
        return reports.sha256(report.withCorrectionReason(null));
    }

    String canonicalJson(AnnualReport report) {
        return reports.canonicalString(report);
    }

    /** A report's canonical JSON and its content hash ({@link #contentSha256}). */
    record Canonical(String json, String sha256) {}

    /**
     * The canonical JSON and the content hash: the hash is of the same text ({@link ReportJson#sha256} hashes
     * {@link ReportJson#canonicalString}'s UTF-8), less the correction reason when there is one — cut out of the text
     * as it is written ({@link ReportJson#canonicalTexts}), not written a second time.
     */
    Canonical canonical(AnnualReport report) {
        ReportJson.CanonicalTexts texts = reports.canonicalTexts(report);
        return new Canonical(texts.canonical(), ReportJson.sha256(texts.content()));
    }

    JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored content is not JSON", e);
        }
    }

    VersionView view(
            String agencyCode, int year, ReportVersion version, boolean withOriginalText, OriginalView original) {
        return new VersionView(
                agencyCode,
                year,
                version.number,
                version.edition,
                version.source,
                version.submittedBy,
                version.submittedAt,
                version.correctionReason,
                version.contentSha256,
                FindingsJson.decode(version.findings),
                tree(version.content),
                withOriginalText ? version.originalText : null,
                version.importedHistory ? Boolean.TRUE : null,
                original);
    }

    /**
     * The payload of the version's {@code report.version.created} event: the version as {@link #view} shows it. The
     * report goes into the event as the stored canonical text itself (a raw JSON value), not parsed into a tree only to
     * be written out again; {@code findings} are the version's (those it stores encoded), not decoded back.
     */
    ReportVersionCreated created(
            String agencyCode, int year, ReportVersion version, List<Finding> findings, OriginalView original) {
        return new ReportVersionCreated(
                agencyCode,
                year,
                version.number,
                version.edition,
                version.source,
                version.submittedBy,
                version.submittedAt,
                version.correctionReason,
                version.contentSha256,
                findings,
                new POJONode(new RawValue(version.content)),
                version.importedHistory ? Boolean.TRUE : null,
                original == null
                        ? null
                        : new ReportVersionCreated.Original(
                                original.mediaType(), original.sha256(), original.bytes(), original.href()));
    }
}
