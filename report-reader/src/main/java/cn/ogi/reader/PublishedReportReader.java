package cn.ogi.reader;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportCells;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.RuleEngine;
import cn.ogi.reader.layout.HtmlLayout;
import cn.ogi.reader.layout.Layout;
import cn.ogi.reader.layout.PdfLayout;
import cn.ogi.reader.layout.TabSeparatedCells;
import cn.ogi.reader.layout.TextLayout;
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
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Reads a published annual report — a web page, a PDF, a Markdown conversion or a text of any line structure —
 * into the canonical form. The source is laid out as lines of placed pieces whatever its form ({@link Layout}),
 * cut into tokens, its tables found by the words only they print and read by matching printed rows with the
 * form's rows; run-together digits are split only where the table's rules leave one reading. Every cell is read
 * with its provenance or null with the reason; a guess is never presented as a reading, and the publisher's own
 * contradictions are kept as printed (the rule engine's findings say so). Stateless and thread-safe.
 */
public final class PublishedReportReader {

    /** A named or numeric character reference (a no-break space, 、 by its number) left in a scraped text. */
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,5});");

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
        if (bytes.length == 0) {
            throw new UnreadableReportException("empty", "the report is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new UnreadableReportException(
                    "too-large",
                    "the report has " + bytes.length + " bytes, more than the " + limits.maxBytes()
                            + " a published report may have (configured limit)");
        }
        Layout layout = layout(source);
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
        String edition = edition(tokens, regions, year, text, book);
        EditionDefinition definition = editions.get(edition);
        List<TablePlace> places = List.of();
        if (!edition.equals("legacy")) {
            TableReaders tables = new TableReaders(
                    definition, tokens, regions, book, invisibleBlanks(layout), layout.form() == SourceForm.PDF);
            int found = tables.read();
            if (found == 0) {
                throw new UnreadableReportException(
                        "no-tables",
                        "edition " + edition + " report" + (year == null ? "" : " for " + year)
                                + ": table headings found but no row of Table 1 (规章, 行政许可 …), Table 2"
                                + " (本年新收政府信息公开申请数量 …) or Table 3 (the fifteen numbers after 行政复议)"
                                + " could be read");
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
        int firstTableLine = !edition.equals("legacy") && regions.any() && regions.first() < tokens.size()
                ? tokens.get(regions.first()).line()
                : lines.size();
        Narrative narrative = ProseReader.narrative(lines, compact, firstTableLine);
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

    private Layout layout(PublishedSource source) {
        if (source.isPdf()) {
            return PdfLayout.of(source.bytes(), limits);
        }
        String raw = utf8(source.bytes());
        if (raw.length() > limits.maxChars()) {
            throw new UnreadableReportException(
                    "too-large",
                    "the report has " + raw.length() + " characters, more than the " + limits.maxChars()
                            + " a published report may have (configured limit)");
        }
        if (source.baseType().equals("text/html") || HtmlLayout.looksLikeHtml(raw)) {
            return HtmlLayout.of(raw);
        }
        // a scrape that dropped the tags but kept the character references (&nbsp;, &ldquo;, &#12289;) reads as their
        // characters
        String text = CHARACTER_REFERENCE.matcher(raw).find() ? Parser.unescapeEntities(raw, false) : raw;
        String normalized = TextLayout.withMarkdownRows(Normalizer.normalize(TabSeparatedCells.asPipeRows(text)));
        SourceForm form = source.baseType().equals("text/markdown") || TextLayout.isMarkdown(normalized)
                ? SourceForm.MARKDOWN
                : SourceForm.TEXT;
        return TextLayout.of(normalized, form);
    }

    /** Empty cells are visible in grids and pipes; text layouts, one-line scrapes and PDFs do not show them. */
    private static boolean invisibleBlanks(Layout layout) {
        return layout.form() == SourceForm.TEXT || layout.form() == SourceForm.PDF;
    }

    private static String utf8(byte[] bytes) {
        return PublishedSource.strictUtf8(bytes)
                .orElseThrow(() -> new UnreadableReportException(
                        "not-utf8",
                        "the text is not valid UTF-8 (a GBK or GB18030 file?); convert it to UTF-8 and send it"
                                + " again"));
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

    private String edition(List<Token> tokens, Regions regions, Integer year, String text, CellBook book) {
        // Before 2019 no report printed the form's tables: 行政复议 … 审结 alone is the prose of a legacy report
        boolean legacyProseOfReviews = regions.t1() < 0 && regions.t2() < 0 && year != null && year < 2019;
        if (!regions.any() || legacyProseOfReviews) {
            if (year != null && year >= 2019) {
                String expected = editions.forYear(year).id();
                throw new UnreadableReportException(
                        "no-tables",
                        "edition " + expected + " report for " + year + ": no tables found (looked for"
                                + " 第二十条第（一）项 / 信息内容, 本年新收政府信息公开申请数量 after 本列数据的勾稽关系 /"
                                + " 申请人情况, and 行政复议 with its result columns)");
            }
            if (!text.contains("政府信息公开") && !text.contains("信息公开")) {
                throw new UnreadableReportException(
                        "not-a-report",
                        "not a government information disclosure annual report: the text contains neither the words"
                                + " 政府信息公开 nor any of the report's tables");
            }
            if (year == null) {
                throw new UnreadableReportException(
                        "no-year",
                        "no reporting year found (no '…年…报告' title and no 统计期限 sentence) and no tables: cannot"
                                + " tell which report this is");
            }
            book.note(
                    ReadNote.EDITION_DETECTED,
                    List.of("edition"),
                    (legacyProseOfReviews ? "no Table 1 or 2 (行政复议 named in the prose)" : "no tables") + " and year "
                            + year + ": legacy report read from its prose");
            return "legacy";
        }
        String fromHeaders = editionFromHeaders(tokens, regions.first(), regions.end());
        String byYear =
                year == null || year < 2019 ? null : editions.forYear(year).id();
        if (fromHeaders != null) {
            book.note(
                    ReadNote.EDITION_DETECTED,
                    List.of("edition"),
                    "edition " + fromHeaders + " from the table headers"
                            + (byYear != null && !byYear.equals(fromHeaders)
                                    ? " (the year " + year + " would use edition " + byYear + ")"
                                    : ""));
            return fromHeaders;
        }
        String chosen = byYear != null ? byYear : year != null ? "2019" : "2021";
        book.note(
                ReadNote.EDITION_DETECTED,
                List.of("edition"),
                "table headers do not name the edition; edition " + chosen
                        + (byYear != null ? " from the year " + year : " assumed"));
        return chosen;
    }

    /** "2021", "2019" or null, from the words of the table headers. */
    private static String editionFromHeaders(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            if (tokens.get(i).type() == Token.Type.LABEL) {
                sb.append(Normalizer.compact(tokens.get(i).text()));
            }
        }
        String c = sb.toString();
        int e2021 = count(c, "制发件数", "废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "收费通知");
        int e2019 = count(c, "新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额");
        if (e2021 == e2019) {
            return null;
        }
        return e2021 > e2019 ? "2021" : "2019";
    }

    private static int count(String c, String... words) {
        int k = 0;
        for (String w : words) {
            if (c.contains(w)) {
                k++;
            }
        }
        return k;
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
