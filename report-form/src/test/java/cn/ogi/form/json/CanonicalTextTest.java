package cn.ogi.form.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.EditionLoader;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportCells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical text written without the tree is the tree's text, byte for byte: stored content hashes were made
 * from the tree's, and a report delivered again must hash the same to be found unchanged.
 */
class CanonicalTextTest {

    private static final ReportJson JSON = ReportJson.standard();
    private static final String[] TEXTS = {
        "测试局",
        "",
        " ",
        "a \"quoted\" name",
        "back\\slash",
        "line\nbreak\ttab",
        "\u0001control\u001f",
        "</script>",
        "emoji \uD83D\uDE00",
        "全角　空格",
        "\u2028separator"
    };

    @Test
    void everyShippedEditionIsWrittenWithoutTheTree() {
        for (EditionDefinition edition : Editions.standard().all()) {
            assertNotNull(CanonicalText.of(edition), edition.id());
        }
    }

    @Test
    void theTextIsTheTreesForThousandsOfVariedReports() {
        Random random = new Random(2021);
        for (int n = 0; n < 3000; n++) {
            AnnualReport report = report(random);
            String tree = tree(report);
            assertEquals(tree, JSON.canonicalString(report), () -> "report " + report);
        }
    }

    @Test
    void theContentTextIsTheTextOfTheReportWithoutItsCorrectionReason() {
        Random random = new Random(2019);
        int withReason = 0;
        for (int n = 0; n < 3000; n++) {
            AnnualReport report = report(random);
            ReportJson.CanonicalTexts texts = JSON.canonicalTexts(report);
            assertEquals(JSON.canonicalString(report), texts.canonical(), () -> "report " + report);
            assertEquals(tree(report.withCorrectionReason(null)), texts.content(), () -> "report " + report);
            withReason += report.correctionReason() == null ? 0 : 1;
        }
        assertTrue(withReason > 1000, "reports with a correction reason: " + withReason);
    }

    @Test
    void anEditionWhoseObjectsDoNotStandTogetherIsLeftToTheTree() {
        ObjectNode definition = (ObjectNode) resource("2021.json");
        for (JsonNode section : definition.get("sections")) {
            ArrayNode rows = (ArrayNode) section.get("rows");
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).get("key").asText().startsWith("withheld.")) {
                    rows.add(rows.remove(i)); // one withheld row after all the others: applications.withheld parted
                    assertNull(CanonicalText.of(EditionLoader.parse(definition, CanonicalTextTest::resource)));
                    return;
                }
            }
        }
        throw new AssertionError("no withheld row in the 2021 edition");
    }

    private static AnnualReport report(Random random) {
        List<EditionDefinition> editions = Editions.standard().all();
        EditionDefinition edition = editions.get(random.nextInt(editions.size()));
        List<CellDefinition> defined = new ArrayList<>(edition.cells());
        double presence = switch (random.nextInt(4)) {
            case 0 -> 1.0;
            case 1 -> 0.0;
            default -> random.nextDouble();
        };
        Collections.shuffle(defined, random); // the order a report's cells come in is not the canonical order
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (CellDefinition cell : defined) {
            if (random.nextDouble() < presence) {
                cells.put(cell.key(), value(random));
            }
        }
        Narrative narrative = random.nextInt(3) == 0 ? null : new Narrative(text(random), text(random), text(random));
        return new AnnualReport(
                text(random),
                text(random),
                random.nextInt(5) == 0 ? null : 2008 + random.nextInt(20),
                edition.id(),
                text(random),
                random.nextInt(3) == 0 ? null : LocalDate.of(2009 + random.nextInt(17), 1 + random.nextInt(12), 28),
                narrative,
                ReportCells.of(cells));
    }

    private static BigDecimal value(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> BigDecimal.ZERO;
            case 2 -> BigDecimal.valueOf(random.nextInt(100));
            case 3 -> BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L);
            case 4 -> BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(5)); // 7730.28, 0.0001
            case 5 -> new BigDecimal("1E+" + random.nextInt(9)); // an exponent that normalises to an integer
            default -> new BigDecimal(random.nextInt(1000) + "." + "0".repeat(random.nextInt(4)) + "0");
        };
    }

    private static String text(Random random) {
        return random.nextInt(4) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)];
    }

    private static String tree(AnnualReport report) {
        try {
            return JSON.mapper().writeValueAsString(JSON.write(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = CanonicalTextTest.class.getResourceAsStream("/editions/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
