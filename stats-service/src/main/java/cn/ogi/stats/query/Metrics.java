package cn.ogi.stats.query;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.Expression;
import cn.ogi.form.edition.IndicatorDefinition;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.edition.SectionDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metric sets of the aggregate queries, derived from the edition definitions of report-form rather than
 * spelled here: /applications are the rows of the balance rule APP-BALANCE, /outcomes the rows the total
 * rule APP-TOTAL-ROW sums, /reviews every cell of the reviews section. Rows of several editions are merged,
 * newest edition first, so that a key means one thing whatever the year. The ratios are the editions'
 * indicators ({@code indicators} of report-form's definitions, e.g. {@code editions/indicators-common.json}):
 * each is answered by every set whose sums hold its cells, and one that no set can answer stops the start.
 * Only the fees name cells here.
 */
public final class Metrics {

    private static final String COLUMN = "{column}";
    private static final List<EditionDefinition> TABLE_EDITIONS = Editions.standard().all().stream()
            .filter(e -> e.section("applications").isPresent())
            .sorted(Comparator.comparing((EditionDefinition e) -> e.fromYear().orElse(0))
                    .reversed())
            .toList();

    /** The indicators of the editions, newest edition first, one per key (a key means one thing whatever the year). */
    private static final List<IndicatorDefinition> INDICATORS = indicators();

    public static final MetricSet APPLICATIONS = applications();
    public static final MetricSet OUTCOMES = outcomes();
    public static final MetricSet REVIEWS = reviews();
    public static final MetricSet FEES = fees();

    static {
        Set<String> answered = new HashSet<>();
        for (MetricSet set : List.of(APPLICATIONS, OUTCOMES, REVIEWS, FEES)) {
            answered.addAll(set.indicatorKeys());
        }
        for (IndicatorDefinition i : INDICATORS) {
            if (!answered.contains(i.key())) {
                throw new IllegalStateException("indicator " + i.key() + " names cells no query sums: " + i);
            }
        }
    }

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

    private static List<IndicatorDefinition> indicators() {
        Map<String, IndicatorDefinition> byKey = new LinkedHashMap<>();
        TABLE_EDITIONS.forEach(e -> e.indicators().forEach(i -> byKey.putIfAbsent(i.key(), i)));
        return List.copyOf(byKey.values());
    }

    private static MetricSet applications() {
        List<MetricSet.Sum> sums = new ArrayList<>();
        RuleDefinition balance = rule("APP-BALANCE");
        List<Expression.Term> terms = new ArrayList<>(balance.left().terms());
        terms.addAll(balance.right().terms());
        for (Expression.Term t : terms) {
            sums.add(applicationSum(t.reference()));
        }
        return new MetricSet(sums, INDICATORS);
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
        return new MetricSet(new ArrayList<>(rows.values()), INDICATORS);
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
        return new MetricSet(sums, INDICATORS);
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
                INDICATORS);
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
