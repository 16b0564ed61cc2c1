package cn.ogi.form.json;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportCells;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical JSON form of a report (REPORT-FORMAT.md): reading with every structural problem listed,
 * writing in definition order, and a content hash. Thread-safe.
 */
public final class ReportJson {

    private static final ReportJson STANDARD = new ReportJson(Editions.standard());

    /** The earliest reporting year a report may state (the regulations took effect in 2008); the latest is now. */
    public static final int FIRST_YEAR = ReportReader.FIRST_YEAR;

    /** The longest texts a report may hold, in characters (agencyName, correctionReason, each narrative part). */
    public static final int MAX_AGENCY_NAME = ReportReader.MAX_AGENCY_NAME;

    public static final int MAX_CORRECTION_REASON = ReportReader.MAX_CORRECTION_REASON;
    public static final int MAX_NARRATIVE_PART = ReportReader.MAX_NARRATIVE_PART;

    private final Editions editions;
    /**
     * Exact decimals on read (7730.28 stays 7730.28), plain numbers on write (never 1E+3), and read bounds far
     * above any report (the services set their own, configurable ones on the mappers they read bodies with).
     */
    private final ObjectMapper mapper = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxNumberLength(100)
                            .maxNameLength(256)
                            .maxStringLength(1 << 20)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new JavaTimeModule())
            .build();

    /** Each edition's writer of canonical text (empty: written through the tree). */
    private final Map<String, Optional<CanonicalText>> texts = new ConcurrentHashMap<>();

    public ReportJson(Editions editions) {
        this.editions = editions;
    }

    public static ReportJson standard() {
        return STANDARD;
    }

    /** The mapper used here; configured for exact decimals. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public ReadResult read(JsonNode node, ReadMode mode) {
        return new ReportReader(editions, mode).read(node);
    }

    public ReadResult read(String json, ReadMode mode) {
        try {
            return read(mapper.readTree(json), mode);
        } catch (JsonProcessingException e) {
            return new ReadResult(
                    null,
                    List.of(cn.ogi.form.rules.Finding.error(
                            "SCHEMA-TYPE",
                            "",
                            "not valid JSON: " + withoutSource(e.getOriginalMessage())
                                    + " at line "
                                    + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr())));
        }
    }

    /** Jackson's message without the source description it appends ("[Source: REDACTED (`StreamReadFeature…`)…]"). */
    static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll("`[^`]*`", "a limit");
    }

    /**
     * Canonical nested JSON: identity (agencyCode, agencyName, year, edition, correctionReason, publishedOn),
     * then the sections in definition order, then narrative. Absent things are omitted; blank cells are null.
     *
     * @throws IllegalArgumentException if the edition is unknown or a cell is not defined in it
     */
    public ObjectNode write(AnnualReport report) {
        EditionDefinition edition = editions.get(report.edition());
        ObjectNode root = mapper.createObjectNode();
        putText(root, "agencyCode", report.agencyCode());
        putText(root, "agencyName", report.agencyName());
        if (report.year() != null) {
            root.put("year", report.year());
        }
        root.put("edition", report.edition());
        putText(root, "correctionReason", report.correctionReason());
        if (report.publishedOn() != null) {
            root.put("publishedOn", report.publishedOn().toString());
        }
        ReportCells cells = definedCells(report, edition);
        for (CellDefinition cell : edition.cells()) {
            if (cells.has(cell.key())) {
                putCell(root, cell.key(), cells.value(cell.key()).orElse(null));
            }
        }
        Narrative narrative = report.narrative();
        if (narrative != null) {
            ObjectNode n = root.putObject("narrative");
            putText(n, "overview", narrative.overview());
            putText(n, "problems", narrative.problems());
            putText(n, "other", narrative.other());
        }
        return root;
    }

    /**
     * Compact and deterministic: same report, same string — {@link #write}'s tree serialised, written without the
     * tree where the edition allows ({@link CanonicalText}).
     *
     * @throws IllegalArgumentException if the edition is unknown or a cell is not defined in it
     */
    public String canonicalString(AnnualReport report) {
        Optional<CanonicalText> text = canonicalText(report);
        if (text.isPresent()) {
            return text.get().write(report, mapper);
        }
        try {
            return mapper.writeValueAsString(write(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /**
     * A report's canonical JSON ({@code canonical}) and the canonical JSON of its content: the same report without its
     * correction reason ({@code content}, the same text when it has none) — what a content hash is taken of, so that a
     * resubmission that only explains itself is found unchanged.
     */
    public record CanonicalTexts(String canonical, String content) {}

    /**
     * {@link #canonicalString} of the report and of the report without its correction reason, written once where the
     * edition allows ({@link CanonicalText}), else twice through the tree.
     *
     * @throws IllegalArgumentException if the edition is unknown or a cell is not defined in it
     */
    public CanonicalTexts canonicalTexts(AnnualReport report) {
        Optional<CanonicalText> text = canonicalText(report);
        if (text.isPresent()) {
            return text.get().texts(report, mapper);
        }
        String canonical = canonicalString(report);
        return new CanonicalTexts(
                canonical,
                report.correctionReason() == null ? canonical : canonicalString(report.withCorrectionReason(null)));
    }

    /**
     * The writer of the report's edition without the tree, once every cell of the report is found defined in it;
     * empty where the edition's text is written through the tree ({@link CanonicalText#of}).
     */
    private Optional<CanonicalText> canonicalText(AnnualReport report) {
        EditionDefinition edition = editions.get(report.edition());
        Optional<CanonicalText> text =
                texts.computeIfAbsent(edition.id(), id -> Optional.ofNullable(CanonicalText.of(edition)));
        if (text.isPresent()) {
            definedCells(report, edition);
        }
        return text;
    }

    /** The report's cells, every one of them defined in its edition. */
    private static ReportCells definedCells(AnnualReport report, EditionDefinition edition) {
        ReportCells cells = report.cells();
        for (String key : cells.keys()) {
            if (!edition.hasCell(key)) {
                throw new IllegalArgumentException("cell " + key + " is not defined in edition " + edition.id());
            }
        }
        return cells;
    }

    /** Lowercase hex SHA-256 of {@link #canonicalString}'s UTF-8 bytes; identifies identical content. */
    public String sha256(AnnualReport report) {
        return sha256(canonicalString(report));
    }

    /**
     * Lowercase hex SHA-256 of a text's UTF-8 bytes: of a report's canonical JSON, what {@link #sha256(AnnualReport)}
     * gives, for a caller that has written that JSON already.
     */
    public static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void putCell(ObjectNode root, String key, BigDecimal value) {
        String[] path = key.split("\\.", -1);
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = parent.get(path[i]);
            parent = child instanceof ObjectNode o ? o : parent.putObject(path[i]);
        }
        String name = path[path.length - 1];
        BigDecimal v = ReportCells.normalise(value);
        if (v == null) {
            parent.putNull(name);
        } else if (v.scale() == 0) {
            parent.put(name, v.toBigInteger()); // integers print as 21, not 21.0
        } else {
            parent.put(name, v);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
