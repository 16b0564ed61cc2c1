package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import java.util.List;

/**
 * A checked report ready to be stored: its canonical JSON, where it came from, who sent it and
 * under which idempotency key (nullable), the non-blocking findings to show the submitter, and whether an
 * admin marked it as imported history (its stated publishedOn then decides its lateness in stats), and the document
 * as published (null for JSON submissions).
 */
public record NewSubmission(
        String agencyCode,
        int year,
        String canonicalJson,
        String source,
        String originalText,
        String idempotencyKey,
        String bodySha256,
        String submittedBy,
        Integer expectedVersion,
        List<Finding> findings,
        boolean importedHistory,
        PublishedOriginal original) {}
