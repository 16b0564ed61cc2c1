package cn.ogi.reader;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportCells;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.reader.layout.Layout;
import cn.ogi.reader.prose.IdentityReader;
import cn.ogi.reader.prose.LegacyProseReader;
import cn.ogi.reader.prose.ProseReader;
import cn.ogi.reader.table.CellBook;
import cn.ogi.reader.table.Regions;
import cn.ogi.reader.table.TableReaders;
import cn.ogi.reader.table.Token;
import cn.ogi.reader.table.Tokenizer;
import cn.ogi.reader.text.Normalizer;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a published annual report — a web page, a PDF, a Markdown conversion or a text of any line structure —
 * into the canonical form. The source is laid out as lines of placed pieces whatever its form ({@link Layout}),
 * cut into tokens, its tables found by the words only they print and read by matching printed rows with the
 * form's rows; run-together digits are split only where the table's rules leave one reading. Every cell is read
 * with its provenance or null with the reason; a guess is never presented as a reading, and the publisher's own
 * contradictions are kept as printed (the rule engine's findings say so). Stateless and thread-safe.
 */
public final class PublishedReportReader {

    private final Editions editions;
    private final RuleEngine rules;
    private final ReaderLimits limits;

    public PublishedReportReader() {
        this(Editions.standard(), RuleEngine.standard(), ReaderLimits.standard());
    }

    public PublishedReportReader(Editions editions, RuleEngine rules, ReaderLimits limits) {
        this.editions = editions;
        this.rules = rules;
        this.limits = limits;
    }

    /**
     * Reads one published report.
     *
     * @throws UnreadableReportException when the source is not readable as a report (the only exception)
     */
    public Reading read(PublishedSource source, ReadHints hints) {
        try {
            return readChecked(source, hints == null ? ReadHints.none() : hints);
        } catch (UnreadableReportException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new UnreadableReportException("internal", "the report could not be read: " + e, e);
        }
    }

    private Reading readChecked(PublishedSource source, ReadHints hints) {
        byte[] bytes = source.bytes();
        checkSize(bytes);
        Layout layout = SourceLayout.of(source, limits);
        List<String> lines = layout.texts();
        String text = String.join("\n", lines);
        if (text.isBlank()) {
            throw new UnreadableReportException("empty", "the report is empty: it has no text");
        }
        CellBook book = new CellBook();
        book.note(
                ReadNote.SOURCE_FORM,
                List.of(),
                "read as " + layout.form().jsonName()
                        + (layout.pages() == null ? "" : " (" + layout.pages() + " pages)"));
        List<Token> tokens = Tokenizer.tokens(layout);
        Regions regions = Regions.locate(tokens);
        Integer year = year(lines, hints, book);
        String edition = EditionDetection.of(editions, tokens, regions, year, text, book);
        EditionDefinition definition = editions.get(edition);
        List<TablePlace> places = List.of();
        if (!edition.equals("legacy")) {
            TableReaders tables = new TableReaders(
                    definition,
                    tokens,
                    regions,
                    book,
                    SourceLayout.invisibleBlanks(layout),
                    layout.form() == SourceForm.PDF);
            int found = tables.read();
            if (found == 0) {
                throw noRowRead(edition, year);
            }
            places = tables.places();
            String afterTables = afterTables(lines, tokens, regions);
            ProseReader.processingFees(afterTables, book);
            if (!book.has(ProseReader.FEE_AMOUNT)) {
                ProseReader.processingFees(text, book);
            }
        } else {
            LegacyProseReader.read(text, tokens, book);
        }
        String agencyName = IdentityReader.agencyName(lines);
        LocalDate publishedOn = IdentityReader.publishedOn(lines);
        List<String> compact = lines.stream().map(Normalizer::compact).toList();
        Narrative narrative = ProseReader.narrative(lines, compact, firstTableLine(edition, regions, tokens, lines));
        AnnualReport report = new AnnualReport(
                hints.agencyCode(),
                agencyName,
                year,
                edition,
                null,
                publishedOn,
                narrative,
                ReportCells.of(ordered(definition, book.values())));
        SourceInfo info = new SourceInfo(layout.form(), sha256(bytes), bytes.length, layout.pages(), places);
        return new Reading(report, info, book.cells(), book.notes(), text);
    }

    /** Where the narrative ends: the line of the first table (none in a legacy report). */
    private static int firstTableLine(String edition, Regions regions, List<Token> tokens, List<String> lines) {
        return !edition.equals("legacy") && regions.any() && regions.first() < tokens.size()
                ? tokens.get(regions.first()).line()
                : lines.size();
    }

    private void checkSize(byte[] bytes) {
        if (bytes.length == 0) {
            throw new UnreadableReportException("empty", "the report is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new UnreadableReportException(
                    "too-large",
                    "the report has " + bytes.length + " bytes, more than the " + limits.maxBytes()
                            + " a published report may have (configured limit)");
        }
    }

    private static UnreadableReportException noRowRead(String edition, Integer year) {
        return new UnreadableReportException(
                "no-tables",
                "edition " + edition + " report" + (year == null ? "" : " for " + year)
                        + ": table headings found but no row of Table 1 (规章, 行政许可 …), Table 2"
                        + " (本年新收政府信息公开申请数量 …) or Table 3 (the fifteen numbers after 行政复议)"
                        + " could be read");
    }

    private static String afterTables(List<String> lines, List<Token> tokens, Regions regions) {
        if (regions.end() >= tokens.size()) {
            return "";
        }
        int line = tokens.get(regions.end()).line();
        return String.join("\n", lines.subList(Math.min(line, lines.size()), lines.size()));
    }

    private static Map<String, BigDecimal> ordered(EditionDefinition definition, Map<String, BigDecimal> cells) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (CellDefinition c : definition.cells()) {
            if (cells.containsKey(c.key())) {
                ordered.put(c.key(), cells.get(c.key()));
            }
        }
        cells.forEach((k, v) -> {
            if (definition.hasCell(k)) {
                ordered.putIfAbsent(k, v);
            }
        });
        return ordered;
    }

    private static Integer year(List<String> lines, ReadHints hints, CellBook book) {
        Integer detected = IdentityReader.year(lines);
        if (hints.year() != null) {
            if (detected != null && !detected.equals(hints.year())) {
                book.note(
                        ReadNote.YEAR_DETECTED,
                        List.of("year"),
                        "the text says " + detected + ", the hint says " + hints.year() + "; using the hint");
            }
            return hints.year();
        }
        if (detected != null) {
            book.note(
                    ReadNote.YEAR_DETECTED,
                    List.of("year"),
                    "year " + detected + " read from the title or the statistics period");
        }
        return detected;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The rule engine's findings on a reading's report, with every cell printed blank counted as the 0 it means
     * (a blank total beside filled parts is the publisher's inconsistency); cells that could not be read stay
     * unknown and are not judged.
     */
    public List<Finding> findings(Reading reading) {
        return rules.evaluate(reading.reportWithBlanksAsZero());
    }
}
