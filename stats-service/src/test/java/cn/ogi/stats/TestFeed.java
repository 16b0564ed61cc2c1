package cn.ogi.stats;

import cn.ogi.feed.ChangeEvent;
import cn.ogi.feed.ChangeType;
import cn.ogi.form.identity.CreditCode;
import cn.ogi.form.json.ReportJson;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds change-feed events as reporting-service would send them, numbered above everything applied so far,
 * and unique jurisdiction and agency codes so that tests sharing one database never collide.
 */
public final class TestFeed {

    public static final String PROVINCE = "370000";
    private static final ObjectMapper JSON = ReportJson.standard().mapper();
    private static final AtomicLong SEQ = new AtomicLong(-1);
    private static final AtomicInteger CITY = new AtomicInteger(0);
    private static final AtomicInteger AGENCY = new AtomicInteger(0);

    private final ReadModelWriter writer;
    private final List<ChangeEvent> pending = new ArrayList<>();

    public TestFeed(ReadModelWriter writer) {
        this.writer = writer;
        synchronized (SEQ) {
            if (SEQ.get() < writer.cursor()) {
                SEQ.set(writer.cursor());
            }
        }
    }

    /** A city node (37xx00) under the province with counties 37xx01…, all applied. */
    public record Tree(String city, List<String> counties) {}

    public Tree newCity(int counties) {
        int n = CITY.incrementAndGet();
        String city = String.format("37%02d00", n);
        add(jurisdiction(PROVINCE, "山东省", "province", null));
        add(jurisdiction(city, "测试市" + n, "city", PROVINCE));
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= counties; i++) {
            String county = String.format("37%02d%02d", n, i);
            codes.add(county);
            add(jurisdiction(county, "测试市" + n + "第" + i + "县", "county", city));
        }
        flush();
        return new Tree(city, codes);
    }

    /** A city code (37xx00) no test has used yet, not registered. */
    public static String newCityCode() {
        return String.format("37%02d00", CITY.incrementAndGet());
    }

    public static String newAgencyCode(String division) {
        String first17 = "11" + division + String.format("%09d", AGENCY.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** Registers a new agency (applied at once) and returns its code. */
    public String newAgency(String division, String kind) {
        String code = newAgencyCode(division);
        add(agency(code, "单位" + code.substring(8, 17), kind, division, null, null));
        flush();
        return code;
    }

    public ChangeEvent jurisdiction(String code, String name, String level, String parent) {
        ObjectNode p =
                JSON.createObjectNode().put("code", code).put("name", name).put("level", level);
        if (parent == null) {
            p.putNull("parent");
        } else {
            p.put("parent", parent);
        }
        return event(ChangeType.JURISDICTION_UPSERTED.wireName(), code, p);
    }

    public ChangeEvent agency(String code, String name, String kind, String jurisdiction, Integer from, Integer until) {
        ObjectNode p = JSON.createObjectNode()
                .put("code", code)
                .put("name", name)
                .put("kind", kind)
                .put("jurisdiction", jurisdiction);
        p.put("reportsFrom", from);
        p.put("reportsUntil", until);
        return event(ChangeType.AGENCY_UPSERTED.wireName(), code, p);
    }

    /** A new version of a report; findings are rule codes (one finding each). */
    public ChangeEvent version(AnnualReport report, int version, String submittedAt, String... findingRules) {
        return version(report, version, submittedAt, false, findingRules);
    }

    /** A version marked as history an admin imported (its stated publishedOn counts however old it is). */
    public ChangeEvent importedVersion(AnnualReport report, int version, String submittedAt, String... findingRules) {
        return version(report, version, submittedAt, true, findingRules);
    }

    private ChangeEvent version(
            AnnualReport report, int version, String submittedAt, boolean importedHistory, String... findingRules) {
        ObjectNode p = JSON.createObjectNode()
                .put("agencyCode", report.agencyCode())
                .put("year", report.year())
                .put("version", version)
                .put("edition", report.edition())
                .put("source", "api")
                .put("submittedBy", "test")
                .put("submittedAt", submittedAt)
                .put("contentSha256", ReportJson.standard().sha256(report));
        p.put("correctionReason", version > 1 ? "correction " + version : null);
        if (importedHistory) {
            p.put("importedHistory", true);
        }
        ArrayNode findings = p.putArray("findings");
        Arrays.stream(findingRules)
                .forEach(rule -> findings.addObject()
                        .put("rule", rule)
                        .put("severity", rule.contains("CHAIN") ? "warning" : "error")
                        .put("message", rule + " broken")
                        .putArray("cells")
                        .add("applications.newReceived.total"));
        p.set("report", ReportJson.standard().write(report));
        return event(ChangeType.REPORT_VERSION_CREATED.wireName(), report.agencyCode() + "/" + report.year(), p);
    }

    public ChangeEvent approval(String agencyCode, int year, int version, boolean approved) {
        ObjectNode p = JSON.createObjectNode().put("agencyCode", agencyCode).put("year", year);
        p.putObject("approval")
                .put("action", approved ? "approved" : "reopened")
                .put("version", version)
                .put("by", "supervisor")
                .put("at", OffsetDateTime.now(java.time.ZoneOffset.UTC).toString())
                .put("reason", "ok");
        return event(
                approved ? ChangeType.REPORT_APPROVED.wireName() : ChangeType.REPORT_REOPENED.wireName(),
                agencyCode + "/" + year,
                p);
    }

    public TestFeed add(ChangeEvent event) {
        pending.add(event);
        return this;
    }

    /** Applies the events added so far, as one page. */
    public int flush() {
        List<ChangeEvent> events = List.copyOf(pending);
        pending.clear();
        return writer.apply(events);
    }

    /** Applies these events now, as one page. */
    public int apply(ChangeEvent... events) {
        return writer.apply(List.of(events));
    }

    private ChangeEvent event(String type, String key, ObjectNode payload) {
        return new ChangeEvent(SEQ.incrementAndGet(), type, key, OffsetDateTime.now(java.time.ZoneOffset.UTC), payload);
    }
}
