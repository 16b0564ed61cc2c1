package cn.ogi.intake.parse;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportCells;
import cn.ogi.form.rules.RuleEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a published annual report from its text (a web scrape or {@code pdftotext -layout} output) into the
 * canonical form. Edition 2019/2021 reports are read from their three tables, legacy reports from their prose.
 * Anything that is not a readable report raises {@link UnreadableReportException}; nothing else is thrown.
 * Stateless and thread-safe.
 */
public final class ReportTextParser {

    /** Far beyond any real report (the longest are ~50,000 characters); bounds the work on garbage input. */
    static final int MAX_CHARS = 1_000_000;

    private final Editions editions;
    private final RuleEngine rules;

    public ReportTextParser() {
        this(Editions.standard(), RuleEngine.standard());
    }

    public ReportTextParser(Editions editions, RuleEngine rules) {
        this.editions = editions;
        this.rules = rules;
    }

    public ParseOutcome parse(String text, ParseHints hints) {
        try {
            return read(text, hints == null ? ParseHints.none() : hints);
        } catch (UnreadableReportException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new UnreadableReportException("the text could not be read: " + e, e);
        }
    }

    private ParseOutcome read(String text, ParseHints hints) {
        if (text == null || text.isBlank()) {
            throw new UnreadableReportException("the text is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new UnreadableReportException("the text has " + text.length() + " characters, more than the "
                    + MAX_CHARS + " an annual report can have");
        }
        String normalized = TextNormalizer.normalize(text);
        List<String> lines = new ArrayList<>();
        for (String line : normalized.split("\n", -1)) {
            if (!TextRow.isPageFooter(line)) {
                lines.add(line);
            }
        }
        List<String> compact = lines.stream().map(TextNormalizer::compact).toList();
        CellSink sink = new CellSink();

        Integer year = year(lines, hints, sink);
        TableLocator tables = TableLocator.locate(compact);
        boolean tablesSeen = tables.t1() >= 0 || tables.t2() >= 0 || tables.hasReviewHeader(compact);
        String edition = edition(tables, compact, year, tablesSeen, normalized, sink);
        EditionDefinition definition = editions.get(edition);

        if (!edition.equals("legacy")) {
            List<TextRow> rows = lines.stream().map(TextRow::of).toList();
            int found = new ActiveDisclosureReader(sink).read(definition, rows, tables.t1(), tables.t1End())
                    + new ApplicationsReader(sink).read(definition, rows, compact, tables.t2(), tables.t2End())
                    + new ReviewsReader(sink).read(definition, rows, tables.t3(), tables.end());
            if (found == 0) {
                throw new UnreadableReportException(
                        "edition " + edition + " report" + (year == null ? "" : " for " + year)
                                + ": table headings found but no row of Table 1 (规章, 行政许可 …), Table 2 (本年新收政府信息公开申请数量 …)"
                                + " or Table 3 (the fifteen numbers after 行政复议) could be read");
            }
            String afterTables = String.join("\n", lines.subList(Math.min(tables.end(), lines.size()), lines.size()));
            int before = sink.cells.size();
            ProseReader.processingFees(afterTables, sink);
            if (sink.cells.size() == before) {
                ProseReader.processingFees(normalized, sink);
            }
        } else {
            LegacyProseReader.read(normalized, sink);
        }

        String agencyName = IdentityReader.agencyName(lines);
        LocalDate publishedOn = IdentityReader.publishedOn(lines);
        int firstTable = firstNonNegative(tables.t1(), tables.t2(), tables.t3(), lines.size());
        Narrative narrative = ProseReader.narrative(lines, compact, firstTable);

        new Ambiguities(rules)
                .resolve(
                        sink,
                        cells -> report(hints, agencyName, year, edition, publishedOn, narrative, definition, cells));
        AnnualReport report = report(hints, agencyName, year, edition, publishedOn, narrative, definition, sink.cells);
        return new ParseOutcome(report, edition, sink.notes);
    }

    private static AnnualReport report(
            ParseHints hints,
            String agencyName,
            Integer year,
            String edition,
            LocalDate publishedOn,
            Narrative narrative,
            EditionDefinition definition,
            Map<String, BigDecimal> cells) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (CellDefinition c : definition.cells()) {
            if (cells.containsKey(c.key())) {
                ordered.put(c.key(), cells.get(c.key()));
            }
        }
        cells.forEach(ordered::putIfAbsent);
        return new AnnualReport(
                hints.agencyCode(), agencyName, year, edition, null, publishedOn, narrative, ReportCells.of(ordered));
    }

    private static Integer year(List<String> lines, ParseHints hints, CellSink sink) {
        Integer detected = IdentityReader.year(lines);
        if (hints.year() != null) {
            if (detected != null && !detected.equals(hints.year())) {
                sink.note(
                        ParseNote.YEAR_DETECTED,
                        List.of("year"),
                        "the text says " + detected + ", the hint says " + hints.year() + "; using the hint");
            }
            return hints.year();
        }
        if (detected != null) {
            sink.note(
                    ParseNote.YEAR_DETECTED,
                    List.of("year"),
                    "year " + detected + " read from the title or the statistics period");
        }
        return detected;
    }

    private String edition(
            TableLocator tables,
            List<String> compact,
            Integer year,
            boolean tablesSeen,
            String normalized,
            CellSink sink) {
        if (!tablesSeen) {
            if (year != null && year >= 2019) {
                String expected = editions.forYear(year).id();
                throw new UnreadableReportException("edition " + expected + " report for " + year + ": no tables found"
                        + " (looked for the headings 第二十条第（一）项 / 信息内容, 收到和处理政府信息公开申请情况 /"
                        + " 本年新收政府信息公开申请数量, and 行政复议)");
            }
            if (!normalized.contains("政府信息公开") && !normalized.contains("信息公开")) {
                throw new UnreadableReportException("not a government information disclosure annual report: the text"
                        + " contains neither the words 政府信息公开 nor any of the report's tables");
            }
            if (year == null) {
                throw new UnreadableReportException("no reporting year found (no '…年…报告' title and no 统计期限"
                        + " sentence) and no tables: cannot tell which report this is");
            }
            sink.note(
                    ParseNote.EDITION_DETECTED,
                    List.of("edition"),
                    "no tables and year " + year + ": legacy report read from its prose");
            return "legacy";
        }
        int from = firstNonNegative(tables.t1(), tables.t2(), tables.t3(), 0);
        String fromHeaders = TableLocator.editionFromHeaders(compact, from, tables.end());
        String byYear =
                year == null ? null : year >= 2019 ? editions.forYear(year).id() : null;
        if (fromHeaders != null) {
            sink.note(
                    ParseNote.EDITION_DETECTED,
                    List.of("edition"),
                    "edition " + fromHeaders + " from the table headers"
                            + (byYear != null && !byYear.equals(fromHeaders)
                                    ? " (the year " + year + " would use edition " + byYear + ")"
                                    : ""));
            return fromHeaders;
        }
        String chosen = byYear != null ? byYear : year != null && year < 2019 ? "2019" : "2021";
        sink.note(
                ParseNote.EDITION_DETECTED,
                List.of("edition"),
                "table headers do not name the edition; edition " + chosen
                        + (byYear != null ? " from the year " + year : " assumed"));
        return chosen;
    }

    private static int firstNonNegative(int a, int b, int c, int otherwise) {
        int best = Integer.MAX_VALUE;
        for (int v : new int[] {a, b, c}) {
            if (v >= 0 && v < best) {
                best = v;
            }
        }
        return best == Integer.MAX_VALUE ? otherwise : best;
    }
}
