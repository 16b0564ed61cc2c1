package cn.ogi.demo;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generated demo province.
 *
 * @param settings      what it was generated from
 * @param jurisdictions province, then each city followed by its counties
 * @param agencies      every agency in registry order (a jurisdiction's government, then its departments)
 * @param submissions   every generated report in submission order (by intended submission time)
 * @param missing       (agency, year) pairs the agency was expected to report but deliberately did not
 * @param late          (agency, year) pairs submitted after the deadline (sorted by year, agency)
 * @param warnings      reports that break a cross-year warning rule on purpose (sorted by year, agency)
 */
public record Demo(
        DemoSettings settings,
        List<Jurisdiction> jurisdictions,
        List<Agency> agencies,
        List<Submission> submissions,
        List<AgencyYear> missing,
        List<AgencyYear> late,
        List<DeliberateWarning> warnings) {

    public static final String CSV_HEADER = "record,code,name,kind,parent,reportsFrom,reportsUntil";

    /** Every report, in submission order. */
    public List<AnnualReport> reports() {
        return submissions.stream().map(Submission::report).toList();
    }

    /** The submissions of one year, in submission order. */
    public List<Submission> submissions(int year) {
        return submissions.stream().filter(s -> s.report().year() == year).toList();
    }

    /** The agencies expected to report for the year (reportsFrom ≤ year ≤ reportsUntil). */
    public List<Agency> expected(int year) {
        return agencies.stream().filter(a -> a.reportsIn(year)).toList();
    }

    /** The keys of the deliberately broken reports. */
    public Set<AgencyYear> warningKeys() {
        return warnings.stream().map(DeliberateWarning::report).collect(Collectors.toUnmodifiableSet());
    }

    /** The registry as reporting-service's {@code POST /api/v1/registry/import} reads it (UTF-8, LF). */
    public String registryCsv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Jurisdiction j : jurisdictions) {
            csv.append("jurisdiction,")
                    .append(j.code())
                    .append(',')
                    .append(csvField(j.name()))
                    .append(",,")
                    .append(j.parent() == null ? "" : j.parent())
                    .append(",,\n");
        }
        for (Agency a : agencies) {
            csv.append("agency,")
                    .append(a.code())
                    .append(',')
                    .append(csvField(a.name()))
                    .append(',')
                    .append(a.kind().wireName())
                    .append(',')
                    .append(a.jurisdiction())
                    .append(',')
                    .append(a.reportsFrom() == null ? "" : a.reportsFrom())
                    .append(',')
                    .append(a.reportsUntil() == null ? "" : a.reportsUntil())
                    .append('\n');
        }
        return csv.toString();
    }

    /** The reports of one year as NDJSON (one canonical report per line), in submission order. */
    public String ndjson(int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeNdjson(submissions(year), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the submissions' reports as NDJSON lines (compact canonical JSON, UTF-8, LF) to the stream. */
    public static void writeNdjson(List<Submission> submissions, OutputStream out) {
        ReportJson json = ReportJson.standard();
        try {
            for (Submission submission : submissions) {
                out.write(json.canonicalString(submission.report()).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
