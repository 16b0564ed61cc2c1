package cn.ogi.reader;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A hand-checked expectation of a shared fixture ({@code *.expected.json} / {@code *.canonical.json}) and the
 * comparison of a parsed report with it: cells, identity fields and rule findings. {@code notes} are ignored;
 * {@code acceptAlso} lists alternative acceptable values (object: field or cell key → value or array of values).
 */
final class FixtureExpectation {

    /** Sections whose cells are compared; a row absent from the expectation must be absent from the report. */
    private static final List<String> TABLE_SECTIONS = List.of("activeDisclosure", "applications", "reviews");

    private static final List<String> OTHER_SECTIONS = List.of("processingFees", "legacy");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path json;
    final Path text;
    final JsonNode root;
    final Map<String, BigDecimal> cells = new LinkedHashMap<>();
    /** Object paths printed as null (processingFees: null): every cell under them must be null or absent. */
    final Set<String> nullObjects = new LinkedHashSet<>();

    record Mismatch(String field, Object expected, Object actual) {
        @Override
        public String toString() {
            return field + ": expected " + expected + ", got " + actual;
        }
    }

    record Comparison(int cellsTotal, int cellsExact, List<Mismatch> mismatches) {}

    FixtureExpectation(Path json, Path source) throws IOException {
        this.json = json;
        this.text = source;
        this.root = JSON.readTree(Files.readString(json));
        for (String s : TABLE_SECTIONS) {
            flatten(s, root.get(s));
        }
        for (String s : OTHER_SECTIONS) {
            flatten(s, root.get(s));
        }
    }

    String name() {
        return json.getFileName().toString();
    }

    private void flatten(String path, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isNull()) {
            nullObjects.add(path);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                String key = path + "." + e.getKey();
                if (v.isObject()) {
                    flatten(key, v);
                } else {
                    cells.put(key, v.isNull() ? null : v.decimalValue());
                }
            }
        }
    }

    Comparison compare(AnnualReport report, List<Finding> findings) {
        return compare(report, findings, key -> false);
    }

    /**
     * Compares the reading with the expectation, accepting null for the cells the source cannot give.
     *
     * @param unknownAccepted cells the source does not let anyone recover: null is accepted for them (the caller
     *                        checks that the reader marked them unknown)
     */
    Comparison compare(
            AnnualReport report, List<Finding> findings, java.util.function.Predicate<String> unknownAccepted) {
        List<Mismatch> mismatches = new ArrayList<>();
        // the name is compared where the source prints it (an OCR 沐阳 for 沭阳, an abbreviation 市科委 cannot be read back)
        if (sourcePrints(text(root.get("agencyName")))) {
            compareField(mismatches, "agencyName", text(root.get("agencyName")), report.agencyName());
        }
        compareField(
                mismatches, "year", root.hasNonNull("year") ? root.get("year").asInt() : null, report.year());
        compareField(mismatches, "edition", text(root.get("edition")), report.edition());
        compareField(
                mismatches,
                "publishedOn",
                text(root.get("publishedOn")),
                report.publishedOn() == null ? null : report.publishedOn().toString());

        Map<String, BigDecimal> actual = report.cells().asMap();
        Set<String> keys = new LinkedHashSet<>(cells.keySet());
        for (String k : actual.keySet()) {
            if (TABLE_SECTIONS.contains(k.substring(0, k.indexOf('.'))) || actual.get(k) != null) {
                keys.add(k);
            }
        }
        int exact = 0;
        for (String k : keys) {
            BigDecimal want = cells.get(k);
            BigDecimal got = actual.get(k);
            boolean presenceOk = cells.containsKey(k)
                    || underNullObject(k)
                    || !actual.containsKey(k)
                    || !TABLE_SECTIONS.contains(k.substring(0, k.indexOf('.')));
            boolean ok =
                    presenceOk && (equal(want, got) || accepted(k, got) || (got == null && unknownAccepted.test(k)));
            if (ok) {
                exact++;
            } else {
                mismatches.add(new Mismatch(
                        k, cells.containsKey(k) ? want : "absent", actual.containsKey(k) ? got : "absent"));
            }
        }

        List<String> wantFindings = new ArrayList<>();
        JsonNode f = root.get("findings");
        if (f != null) {
            for (JsonNode n : f) {
                List<String> c = new ArrayList<>();
                n.get("cells").forEach(x -> c.add(x.asText()));
                c.sort(null); // the cells a finding names, in any order
                wantFindings.add(n.get("rule").asText() + " " + c);
            }
        }
        List<String> gotFindings = findings.stream()
                .map(x -> x.rule() + " " + x.cells().stream().sorted().toList())
                .toList();
        if (!new java.util.TreeSet<>(wantFindings).equals(new java.util.TreeSet<>(gotFindings))
                || wantFindings.size() != gotFindings.size()) {
            mismatches.add(new Mismatch("findings", wantFindings, gotFindings));
        }
        return new Comparison(keys.size(), exact, mismatches);
    }

    private boolean sourcePrints(String name) {
        if (name == null) {
            return false;
        }
        // a PDF's text is beside its expectation (pdftotext of the same file)
        Path printed = text.toString().endsWith(".pdf")
                ? json.resolveSibling(json.getFileName().toString().replace(".canonical.json", ".txt"))
                : text;
        try {
            return Files.readString(printed).replace(" ", "").contains(name);
        } catch (IOException e) {
            return true;
        }
    }

    private boolean underNullObject(String key) {
        return nullObjects.stream().anyMatch(p -> key.startsWith(p + "."));
    }

    private void compareField(List<Mismatch> out, String field, Object want, Object got) {
        if (!Objects.equals(want, got) && !accepted(field, got)) {
            out.add(new Mismatch(field, want, got));
        }
    }

    private boolean accepted(String field, Object got) {
        JsonNode also = root.get("acceptAlso");
        if (also == null || !also.isObject() || !also.has(field)) {
            return false;
        }
        JsonNode alt = also.get(field);
        for (JsonNode v : alt.isArray() ? alt : JSON.createArrayNode().add(alt)) {
            if (v.isNull() && got == null) {
                return true;
            }
            if (got instanceof BigDecimal d && v.isNumber() && v.decimalValue().compareTo(d) == 0) {
                return true;
            }
            if (got != null && !v.isNull() && v.asText().equals(String.valueOf(got))) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
