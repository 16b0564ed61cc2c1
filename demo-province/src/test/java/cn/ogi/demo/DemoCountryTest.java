package cn.ogi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.json.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The country is the provinces' reports generated a year at a time and written as a change feed. */
class DemoCountryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DemoSettings SHAPE = DemoSettings.small().withYears(2019, 2021);

    @Test
    void generatingAYearAtATimeGivesExactlyTheReportsOfTheWholeProvince() {
        DemoSettings settings = DemoCountry.province(SHAPE, 44);
        Set<String> whole = new TreeSet<>();
        ReportJson json = ReportJson.standard();
        Demo demo = DemoProvince.generate(settings);
        demo.submissions().forEach(s -> whole.add(json.canonicalString(s.report()) + s.submittedAt()));

        DemoProvince.Stepper stepper = new DemoProvince.Stepper(settings);
        Set<String> stepped = new TreeSet<>();
        int missing = 0;
        for (int year = settings.fromYear(); year <= settings.toYear(); year++) {
            for (DemoProvince.Step step : stepper.year(year)) {
                if (step.submission() != null) {
                    stepped.add(json.canonicalString(step.submission().report())
                            + step.submission().submittedAt());
                }
                missing += step.missing() != null ? 1 : 0;
            }
        }

        assertEquals(whole, stepped);
        assertEquals(demo.missing().size(), missing);
        assertEquals(demo.agencies(), stepper.agencies);
    }

    @Test
    void theFeedHoldsEveryJurisdictionAgencyAndReportInSeqOrderAcrossItsFiles(@TempDir Path dir) throws Exception {
        DemoCountry.Written written;
        try (DemoFeed.Writer writer = new DemoFeed.Writer(dir, 1000)) {
            written = DemoCountry.writeFeed(SHAPE, writer);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.filter(f -> f.toString().endsWith(".gz")).count() > 3, "several files");
        }
        assertEquals(31 * (1 + 2 + 4), written.jurisdictions());
        assertEquals(31 * SHAPE.agencyCount(), written.agencies());

        List<JsonNode> events = new ArrayList<>();
        try (DemoFeed.Reader reader = new DemoFeed.Reader(dir)) {
            assertEquals(written.events(), reader.latestSeq());
            for (long after = 0; after < reader.latestSeq(); ) {
                List<String> page = reader.page(after, 777);
                for (String line : page) {
                    events.add(JSON.readTree(line));
                }
                after += page.size();
            }
            // a page asked again (a retry) is read from its file again
            assertEquals(
                    events.get(1500).toString(),
                    JSON.readTree(reader.page(1500, 1).get(0)).toString());
        }
        assertEquals(written.events(), events.size());
        Set<String> agencies = new HashSet<>();
        int reports = 0;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            assertEquals(i + 1, e.get("seq").asLong());
            switch (e.get("type").asText()) {
                case "agency.upserted" ->
                    agencies.add(e.get("payload").get("code").asText());
                case "report.version.created" -> {
                    reports++;
                    JsonNode p = e.get("payload");
                    assertTrue(agencies.contains(p.get("agencyCode").asText()), "an agency comes before its reports");
                    assertEquals(1, p.get("version").asInt());
                    assertTrue(ReportJson.standard()
                            .read(p.get("report"), cn.ogi.form.json.ReadMode.PUBLISHED)
                            .problems()
                            .isEmpty());
                }
                default -> assertEquals("jurisdiction.upserted", e.get("type").asText());
            }
        }
        assertEquals(written.reports(), reports);
        assertEquals(written.jurisdictions() + written.agencies() + written.reports(), written.events());
    }
}
