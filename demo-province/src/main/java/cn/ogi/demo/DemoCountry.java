package cn.ogi.demo;

import cn.ogi.form.json.ReportJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A demo country: the 31 provinces of the mainland (GB/T 2260 prefixes 11 … 65), each a demo province of the same
 * shape ({@link DemoSettings#countryProvince()}: ≈ 300,000 agencies and 3,100 counties in all, ten years) with a
 * seed of its own. Too large to hold in memory or to load through intake in a benchmark's time, it is written
 * straight as the change feed reporting-service would serve ({@link DemoFeed}): every jurisdiction, every agency,
 * then year by year, province by province, every report as its first version (warnings as findings), received at
 * its intended submission time.
 */
public final class DemoCountry {

    /** The provinces, autonomous regions and municipalities of the mainland. */
    public static final List<Integer> PROVINCES = List.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
            62, 63, 64, 65);

    private static final ObjectMapper JSON = ReportJson.standard().mapper();
    private static final String REGISTERED_AT = "2019-01-01T00:00:00Z";

    private DemoCountry() {}

    /** What a country's feed holds. */
    public record Written(long events, int jurisdictions, int agencies, long reports, long missing, long late) {}

    /** The settings of one province of the country (its own seed). */
    public static DemoSettings province(DemoSettings shape, int province) {
        return shape.withProvince(province).withSeed(shape.seed() * 100 + province);
    }

    /** Writes the country's change feed into the directory (see the class comment for the order). */
    public static Written writeFeed(DemoSettings shape, Path dir) throws IOException {
        return writeFeed(shape, PROVINCES, dir);
    }

    /** The same for some of the provinces only (a quicker look at the same shape). */
    public static Written writeFeed(DemoSettings shape, List<Integer> provinceCodes, Path dir) throws IOException {
        try (DemoFeed.Writer feed = new DemoFeed.Writer(dir)) {
            return writeFeed(shape, provinceCodes, feed);
        }
    }

    static Written writeFeed(DemoSettings shape, DemoFeed.Writer feed) throws IOException {
        return writeFeed(shape, PROVINCES, feed);
    }

    static Written writeFeed(DemoSettings shape, List<Integer> provinceCodes, DemoFeed.Writer feed) throws IOException {
        List<DemoProvince.Stepper> provinces = provinceCodes.parallelStream()
                .map(p -> new DemoProvince.Stepper(province(shape, p)))
                .toList();
        int jurisdictions = 0;
        int agencies = 0;
        long reports = 0;
        long missing = 0;
        long late = 0;
        for (DemoProvince.Stepper p : provinces) {
            for (Jurisdiction j : p.jurisdictions) {
                feed.append(jurisdiction(j));
                jurisdictions++;
            }
        }
        for (DemoProvince.Stepper p : provinces) {
            for (Agency a : p.agencies) {
                feed.append(agency(a));
                agencies++;
            }
        }
        for (int year = shape.fromYear(); year <= shape.toYear(); year++) {
            for (DemoProvince.Stepper p : provinces) {
                List<DemoProvince.Step> steps = p.year(year);
                List<byte[]> events = steps.parallelStream()
                        .filter(s -> s.submission() != null)
                        .map(DemoCountry::version)
                        .toList();
                for (byte[] e : events) {
                    feed.append(e);
                }
                for (DemoProvince.Step s : steps) {
                    missing += s.missing() != null ? 1 : 0;
                    late += s.submission() != null && s.submission().late() ? 1 : 0;
                }
                reports += events.size();
            }
            System.out.printf(Locale.ROOT, "country feed: %d written, up to %d%n", feed.seq(), year);
        }
        feed.property("provinces", provinceCodes.size());
        feed.property("jurisdictions", jurisdictions);
        feed.property("agencies", agencies);
        feed.property("reports", reports);
        feed.property("missing", missing);
        feed.property("late", late);
        feed.property("settings", shape);
        return new Written(feed.seq(), jurisdictions, agencies, reports, missing, late);
    }

    /** A {@code jurisdiction.upserted} event (without seq), as reporting-service writes it. */
    static byte[] jurisdiction(Jurisdiction j) {
        ObjectNode payload = JSON.createObjectNode()
                .put("code", j.code())
                .put("name", j.name())
                .put("level", j.level())
                .put("parent", j.parent());
        return event("jurisdiction.upserted", j.code(), REGISTERED_AT, payload);
    }

    /** An {@code agency.upserted} event (without seq). */
    static byte[] agency(Agency a) {
        ObjectNode payload = JSON.createObjectNode()
                .put("code", a.code())
                .put("name", a.name())
                .put("kind", a.kind().wireName())
                .put("jurisdiction", a.jurisdiction());
        payload.put("reportsFrom", a.reportsFrom());
        payload.put("reportsUntil", a.reportsUntil());
        return event("agency.upserted", a.code(), REGISTERED_AT, payload);
    }

    /** A {@code report.version.created} event (without seq) of a first version, its deliberate warning as a finding. */
    static byte[] version(DemoProvince.Step step) {
        Submission s = step.submission();
        // the canonical JSON once: the event's report and its hash (ReportJson.sha256 would write it again)
        String canonical = ReportJson.standard().canonicalString(s.report());
        String at = s.submittedAt().withOffsetSameInstant(ZoneOffset.UTC).toString();
        ObjectNode payload = JSON.createObjectNode()
                .put("agencyCode", s.report().agencyCode())
                .put("year", s.report().year())
                .put("version", 1)
                .put("edition", s.report().edition())
                .put("source", "api")
                .put("submittedBy", "demo-country")
                .put("submittedAt", at)
                .put("contentSha256", sha256(canonical));
        ArrayNode findings = payload.putArray("findings");
        if (step.warning() != null) {
            ArrayNode cells = findings.addObject()
                    .put("rule", step.warning().rule())
                    .put("severity", "warning")
                    .put("message", step.warning().rule() + " (deliberate)")
                    .putArray("cells");
            step.warning().cells().forEach(cells::add);
        }
        payload.putRawValue("report", new RawValue(canonical));
        return event(
                "report.version.created",
                s.report().agencyCode() + "/" + s.report().year(),
                at,
                payload);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] event(String type, String key, String recordedAt, ObjectNode payload) {
        ObjectNode event =
                JSON.createObjectNode().put("type", type).put("key", key).put("recordedAt", recordedAt);
        event.set("payload", payload);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every jurisdiction of the provinces, province by province. */
    public static List<Jurisdiction> jurisdictions(DemoSettings shape, List<Integer> provinceCodes) {
        List<Jurisdiction> all = new ArrayList<>();
        provinceCodes.forEach(p -> all.addAll(DemoProvince.jurisdictions(province(shape, p))));
        return all;
    }

    /** The agencies and reports of the country, counted from the settings alone (nothing generated). */
    public static String describe(DemoSettings shape) {
        long agencies = (long) shape.agencyCount() * PROVINCES.size();
        long counties = (long) shape.cities() * shape.countiesPerCity() * PROVINCES.size();
        return String.format(
                Locale.ROOT,
                "%d provinces, %d cities, %d counties, %d agencies, %d–%d",
                PROVINCES.size(),
                shape.cities() * PROVINCES.size(),
                counties,
                agencies,
                shape.fromYear(),
                shape.toYear());
    }
}
