package cn.ogi.intake.submission;

import cn.ogi.form.rules.FindingsJson;
import cn.ogi.web.sql.SqlStatement;
import java.util.List;
import java.util.UUID;

/**
 * Submissions to store, column by column: the arrays {@link SubmissionStore#insert} binds into
 * its one statement ({@code unnest}), named as in the statement.
 */
final class SubmissionColumns {

    private final UUID[] ids;
    private final String[] keys;
    private final String[] hashes;
    private final String[] agencies;
    private final Integer[] years;
    private final String[] sources;
    private final String[] reports;
    private final String[] texts;
    private final Integer[] expected;
    private final String[] submitters;
    private final String[] findings;
    private final Boolean[] imported;
    private final byte[][] originals;
    private final String[] mediaTypes;
    private final String[] originalHashes;
    private final String[] jurisdictions;
    private final String[] details;

    private SubmissionColumns(int n) {
        ids = new UUID[n];
        keys = new String[n];
        hashes = new String[n];
        agencies = new String[n];
        years = new Integer[n];
        sources = new String[n];
        reports = new String[n];
        texts = new String[n];
        expected = new Integer[n];
        submitters = new String[n];
        findings = new String[n];
        imported = new Boolean[n];
        originals = new byte[n][];
        mediaTypes = new String[n];
        originalHashes = new String[n];
        jurisdictions = new String[n];
        details = new String[n];
    }

    static SubmissionColumns of(List<SubmissionStore.Accepting> submissions) {
        SubmissionColumns c = new SubmissionColumns(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            SubmissionStore.Accepting a = submissions.get(i);
            NewSubmission s = a.submission();
            c.ids[i] = a.id();
            c.keys[i] = s.idempotencyKey();
            c.hashes[i] = s.bodySha256();
            c.agencies[i] = s.agencyCode();
            c.years[i] = s.year();
            c.sources[i] = s.source();
            c.reports[i] = s.canonicalJson();
            c.texts[i] = s.originalText();
            c.expected[i] = s.expectedVersion();
            c.submitters[i] = s.submittedBy();
            c.findings[i] = FindingsJson.encode(s.findings());
            c.imported[i] = s.importedHistory();
            PublishedOriginal original = s.original();
            c.originals[i] = original == null ? null : original.bytes();
            c.mediaTypes[i] = original == null ? null : original.mediaType();
            c.originalHashes[i] = original == null ? null : original.sha256();
            c.jurisdictions[i] = a.targetJurisdiction();
            c.details[i] = a.auditDetailJson();
        }
        return c;
    }

    /** Binds the arrays by their names in the statement ({@code :ids}, {@code :keys}, …). */
    void bindTo(SqlStatement insert) {
        insert.bind("ids", ids)
                .bind("keys", keys)
                .bind("hashes", hashes)
                .bind("agencies", agencies)
                .bind("years", years)
                .bind("sources", sources)
                .bind("reports", reports)
                .bind("texts", texts)
                .bind("expected", expected)
                .bind("submitters", submitters)
                .bind("findings", findings)
                .bind("imported", imported)
                .bind("originals", originals)
                .bind("mediaTypes", mediaTypes)
                .bind("originalHashes", originalHashes)
                .bind("jurisdictions", jurisdictions)
                .bind("details", details);
    }
}
