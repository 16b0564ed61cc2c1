package cn.ogi.reader.render;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.edition.SectionDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printed structure of the three tables, derived from an edition definition so that no renderer spells a row
 * list: Table 1 as blocks under their 第二十条 headers, Table 2 rows split into group / subgroup / item labels,
 * Table 3 groups under their 行政复议 / 行政诉讼 headers, and which Table 2 rows balance which.
 */
public final class FormVocabulary {

    public static final String ACTIVE = "activeDisclosure";
    public static final String APPLICATIONS = "applications";
    public static final String REVIEWS = "reviews";

    private static final Pattern BLOCK = Pattern.compile("^(第二十条第（.）项)\\s*(.+)$");
    private static final Pattern TOP = Pattern.compile("^([一二三四五六]、\\S+)(?:\\s+(.+))?$");
    private static final Pattern SUB = Pattern.compile("^\\((.)\\)\\s*(\\S+)(?:\\s+(\\d+)\\.\\s*(.+))?$");

    /** A Table 1 block: the 第二十条 header, its columns and its rows (key, printed label). */
    public record Block(String header, List<ColumnDefinition> columns, List<Row> rows) {}

    /** A row with the printed label (Table 1, Table 3). */
    public record Row(String key, String label) {}

    /**
     * A Table 2 row: {@code top} is the 一、…四、 label (on the group's first row only, or the row's own label),
     * {@code subNumber}/{@code subName} the (一)…(七) subgroup, {@code itemNumber}/{@code itemName} the 1. 2. item.
     */
    public record ApplicationRow(
            String key,
            String top,
            boolean startsGroup,
            String subNumber,
            String subName,
            String itemNumber,
            String itemName) {

        public boolean standalone() {
            return top != null && !startsGroup;
        }
    }

    /** A Table 3 group: top header (行政复议 / 行政诉讼) and sub header (未经复议直接起诉) or null. */
    public record ReviewGroup(String key, String top, String sub) {}

    private final EditionDefinition edition;
    private final List<Block> blocks = new ArrayList<>();
    private final List<ApplicationRow> applicationRows = new ArrayList<>();
    private final List<ReviewGroup> reviewGroups = new ArrayList<>();

    public FormVocabulary(EditionDefinition edition) {
        this.edition = edition;
        for (SectionDefinition section : edition.sections()) {
            switch (section.key()) {
                case ACTIVE -> readBlocks(section);
                case APPLICATIONS -> readApplicationRows(section);
                case REVIEWS -> readReviewGroups(section);
                default -> {}
            }
        }
    }

    private void readBlocks(SectionDefinition section) {
        for (RowDefinition row : section.rows()) {
            Matcher m = BLOCK.matcher(row.label());
            if (m.matches() || blocks.isEmpty()) {
                blocks.add(new Block(m.matches() ? m.group(1) : "", row.columns(), new ArrayList<>()));
            }
            String label = m.matches() ? m.group(2) : row.label();
            blocks.get(blocks.size() - 1).rows().add(new Row(row.key(), label));
        }
    }

    private void readApplicationRows(SectionDefinition section) {
        for (RowDefinition row : section.rows()) {
            String top = null;
            String rest = row.label();
            Matcher t = TOP.matcher(rest);
            if (t.matches()) {
                top = t.group(1);
                rest = t.group(2);
            }
            if (rest == null) {
                applicationRows.add(new ApplicationRow(row.key(), top, false, null, null, null, null));
                continue;
            }
            Matcher s = SUB.matcher(rest);
            if (!s.matches()) {
                throw new IllegalStateException("unexpected Table 2 label: " + row.label());
            }
            applicationRows.add(
                    new ApplicationRow(row.key(), top, top != null, s.group(1), s.group(2), s.group(3), s.group(4)));
        }
    }

    private void readReviewGroups(SectionDefinition section) {
        for (RowDefinition row : section.rows()) {
            String[] parts = row.label().split(" · ", -1);
            reviewGroups.add(new ReviewGroup(row.key(), parts[0], parts.length > 1 ? parts[1] : null));
        }
    }

    public EditionDefinition edition() {
        return edition;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<ApplicationRow> applicationRows() {
        return applicationRows;
    }

    public List<ReviewGroup> reviewGroups() {
        return reviewGroups;
    }

    public List<ColumnDefinition> applicantColumns() {
        return edition.columnSet("applicant");
    }

    public List<ColumnDefinition> reviewColumns() {
        return edition.columnSet("review");
    }

    public String cellKey(String section, String row, String column) {
        return section + "." + row + "." + column;
    }

    /** Row keys named by a rule side for one applicant column, in order (wildcards expanded). */
    private List<String> rowsOf(Expression side, String column) {
        Set<String> rows = new LinkedHashSet<>();
        for (Expression.Term term : side.bind(Map.of("column", column)).terms()) {
            if (term.isLiteral() || term.previous()) {
                continue;
            }
            for (String key : edition.expand(term.reference())) {
                edition.cell(key).map(CellDefinition::row).ifPresent(rows::add);
            }
        }
        return List.copyOf(rows);
    }

    private RuleDefinition rule(String code) {
        return edition.rules().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("edition " + edition.id() + " has no rule " + code));
    }

    /** The rows whose sum is the year's intake (APP-BALANCE's left side): new and carried over. */
    public List<String> intakeRows() {
        return rowsOf(rule("APP-BALANCE").left(), "total");
    }

    /** The outcome rows (APP-TOTAL-ROW's parts), in printed order. */
    public List<String> outcomeRows() {
        return rowsOf(rule("APP-TOTAL-ROW").left(), "total");
    }

    /** The row that totals the outcomes (APP-TOTAL-ROW's right side). */
    public String processedRow() {
        return rowsOf(rule("APP-TOTAL-ROW").right(), "total").get(0);
    }

    /** The row carried to next year: APP-BALANCE's right side without the processed total. */
    public String forwardRow() {
        return rowsOf(rule("APP-BALANCE").right(), "total").stream()
                .filter(r -> !r.equals(processedRow()))
                .findFirst()
                .orElseThrow();
    }
}
