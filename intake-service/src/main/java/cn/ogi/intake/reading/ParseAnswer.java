package cn.ogi.intake.reading;

import cn.ogi.form.json.ReportJson;
import cn.ogi.form.rules.Finding;
import cn.ogi.reader.CellReading;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Reading;
import cn.ogi.reader.SourceInfo;
import cn.ogi.web.openapi.ReportSchemas;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code POST /api/v1/parse}: the canonical report, its edition, the rule findings, the reader's
 * notes, what was read ({@code source}) and, for every cell, how its value was established or why it is null.
 */
public record ParseAnswer(
        @Schema(ref = ReportSchemas.REPORT, description = "The report as read, in canonical JSON")
        JsonNode report,

        String edition,
        List<Finding> findings,
        List<ReadNote> notes,
        Source source,
        Map<String, Cell> cells) {

    public ParseAnswer {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells)); // in the form's order
    }

    /**
     * What was read: {@code form} html, pdf, text or markdown; the original's SHA-256 (hex) and size; a PDF's
     * pages; each table found with its PDF page.
     */
    public record Source(String form, String sha256, long bytes, Integer pages, List<Table> tables) {
        public Source {
            tables = List.copyOf(tables);
        }
    }

    /** A table of the form found in the source: {@code activeDisclosure}, {@code applications}, {@code reviews}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Table(String section, Integer page) {}

    /**
     * One cell: its value ({@code null} when unknown or printed blank) with {@code provenance} (printed,
     * split-by-constraint, blank-as-printed), or {@code unknown} (ambiguous, not-found, unreadable) with the
     * candidate values of an ambiguous cell; the note says where it came from or why it is unknown.
     */
    public record Cell(
            BigDecimal value,
            @JsonInclude(JsonInclude.Include.NON_NULL) String provenance,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unknown,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BigDecimal> candidates,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
        public Cell {
            candidates = List.copyOf(candidates);
        }
    }

    public static ParseAnswer of(PublishedReports.Read read) {
        Reading reading = read.reading();
        SourceInfo info = reading.source();
        Source source = new Source(
                info.form().jsonName(),
                info.sha256(),
                info.bytes(),
                info.pages(),
                info.tables().stream()
                        .map(t -> new Table(t.section(), t.page()))
                        .toList());
        Map<String, Cell> cells = new LinkedHashMap<>();
        read.report().cells().asMap().keySet().forEach(key -> {
            CellReading c = reading.cells().get(key);
            if (c != null) {
                cells.put(key, cell(c));
            }
        });
        reading.cells().forEach((key, c) -> cells.computeIfAbsent(key, k -> cell(c)));
        return new ParseAnswer(
                ReportJson.standard().write(read.report()),
                read.report().edition(),
                read.findings(),
                reading.notes(),
                source,
                cells);
    }

    private static Cell cell(CellReading c) {
        return new Cell(
                c.value(),
                c.provenance() == null ? null : c.provenance().jsonName(),
                c.unknown() == null ? null : c.unknown().jsonName(),
                c.candidates(),
                c.note());
    }
}
