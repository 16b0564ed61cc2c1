package cn.ogi.stats.query;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.edition.SectionDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric sets of the aggregate queries, derived from the edition definitions of report-form rather than
 * spelled here: /applications are the rows of the balance rule APP-BALANCE, /outcomes the rows the total
 * rule APP-TOTAL-ROW sums, /reviews every cell of the reviews section. Rows of several editions are merged,
 * newest edition first, so that a key means one thing whatever the year. Only the indicators of
 * REPORT-FORMAT.md (rates, fees) name cells directly.
 */
public final class Metrics {

    private static final String COLUMN = "{column}";
    private static final List<EditionDefinition> TABLE_EDITIONS = Editions.standard().all().stream()
            .filter(e -> e.section("applications").isPresent())
            .sorted(Comparator.comparing((EditionDefinition e) -> e.fromYear().orElse(0))
                    .reversed())
            .toList();

    public static final MetricSet APPLICATIONS = applications();
    public static final MetricSet OUTCOMES = outcomes();
    public static final MetricSet REVIEWS = reviews();
    public static final MetricSet FEES = fees();

    private Metrics() {}

    /** The applicant columns (naturalPerson … other, total) with their labels. */
    public static List<ColumnDefinition> applicantColumns() {
        return TABLE_EDITIONS.get(0).columnSet("applicant");
    }

    /** Rule codes of every edition, in definition order. */
    public static List<String> ruleCodes() {
        return Editions.standard().all().stream()
                .flatMap(e -> e.rules().stream())
                .map(RuleDefinition::code)
                .distinct()
                .toList();
    }

    private static MetricSet applications() {
        List<MetricSet.Sum> sums = new ArrayList<>();
        RuleDefinition balance = rule("APP-BALANCE");
        List<Expression.Term> terms = new ArrayList<>(balance.left().terms());
        terms.addAll(balance.right().terms());
        for (Expression.Term t : terms) {
            sums.add(applicationSum(t.reference()));
        }
        return new MetricSet(sums, List.of());
    }

    private static MetricSet outcomes() {
        Map<String, MetricSet.Sum> rows = new LinkedHashMap<>();
        for (EditionDefinition edition : TABLE_EDITIONS) {
            RuleDefinition totalRow = edition.rules().stream()
                    .filter(r -> r.code().equals("APP-TOTAL-ROW"))
                    .findFirst()
                    .orElseThrow();
            String total = totalRow.right().terms().get(0).reference();
            for (Expression.Term t : totalRow.left().terms()) {
                for (String cell : edition.expand(t.reference().replace(COLUMN, MetricSet.TOTAL_COLUMN))) {
                    String template = cell.substring(0, cell.lastIndexOf('.') + 1) + COLUMN;
                    rows.putIfAbsent(template, applicationSum(template));
                }
            }
            rows.putIfAbsent(total, applicationSum(total));
        }
        List<MetricSet.Sum> sums = new ArrayList<>(rows.values());
        String processed = applicationSum(
                        rule("APP-TOTAL-ROW").right().terms().get(0).reference())
                .name();
        List<MetricSet.Rate> rates = new ArrayList<>();
        rates.add(new MetricSet.Rate(
                "disclosureRate", "公开率（予以公开与部分公开占总计）", List.of("granted", "partiallyGranted"), List.of(processed)));
        for (MetricSet.Sum s : sums) {
            if (s.name().startsWith("withheld.")) {
                String reason = s.name().substring("withheld.".length());
                rates.add(new MetricSet.Rate(
                        "withheldShare." + reason, "不予公开占比 / " + s.label(), List.of(s.name()), List.of(processed)));
            }
        }
        return new MetricSet(sums, rates);
    }

    private static MetricSet reviews() {
        List<MetricSet.Sum> sums = new ArrayList<>();
        SectionDefinition section = TABLE_EDITIONS.get(0).section("reviews").orElseThrow();
        for (RowDefinition group : section.rows()) {
            for (ColumnDefinition c : group.columns()) {
                String name = group.key() + "." + c.key();
                sums.add(new MetricSet.Sum(name, group.label() + " / " + c.label(), "reviews." + name));
            }
        }
        // REPORT-FORMAT.md: corrected / (upheld + corrected + other), pending cases excluded.
        List<String> litigation = section.rows().stream()
                .map(RowDefinition::key)
                .filter(k -> k.startsWith("litigation"))
                .toList();
        return new MetricSet(
                sums,
                List.of(
                        new MetricSet.Rate(
                                "reconsiderationCorrectionRate",
                                "行政复议纠错率",
                                List.of("reconsideration.corrected"),
                                List.of(
                                        "reconsideration.upheld",
                                        "reconsideration.corrected",
                                        "reconsideration.other")),
                        new MetricSet.Rate(
                                "litigationLossRate",
                                "行政诉讼败诉率",
                                litigation.stream().map(g -> g + ".corrected").toList(),
                                litigation.stream()
                                        .flatMap(g -> List.of(g + ".upheld", g + ".corrected", g + ".other").stream())
                                        .toList())));
    }

    private static MetricSet fees() {
        return new MetricSet(
                List.of(
                        new MetricSet.Sum(
                                "administrativeFees.amountWan",
                                label("activeDisclosure.administrativeFees.amountWan"),
                                "activeDisclosure.administrativeFees.amountWan"),
                        new MetricSet.Sum(
                                "processingFees.amountYuan",
                                label("processingFees.amountYuan"),
                                "processingFees.amountYuan")),
                List.of());
    }

    /** A sum over an applications cell template {@code applications.<row>.{column}}, named by the row key. */
    private static MetricSet.Sum applicationSum(String template) {
        String row = template.substring("applications.".length(), template.lastIndexOf('.'));
        String label = TABLE_EDITIONS.stream()
                .flatMap(e -> e.section("applications").stream())
                .flatMap(s -> s.rows().stream())
                .filter(r -> r.key().equals(row))
                .map(RowDefinition::label)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no edition defines applications row " + row));
        return new MetricSet.Sum(row, label, template);
    }

    private static RuleDefinition rule(String code) {
        return TABLE_EDITIONS.get(0).rules().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "edition " + TABLE_EDITIONS.get(0).id() + " has no rule " + code));
    }

    /** The Chinese label of a cell in the newest edition that defines it. */
    static String label(String cell) {
        return TABLE_EDITIONS.stream()
                .map(e -> e.cell(cell))
                .flatMap(Optional::stream)
                .findFirst()
                .map(CellDefinition::label)
                .orElseThrow(() -> new IllegalStateException("no edition defines cell " + cell));
    }
}
