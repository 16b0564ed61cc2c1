package cn.ogi.reader.render;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Prints one total that contradicts its parts, as publishers do: a row total off by a few, a 总计 column cell
 * that does not add up, a carried-forward figure that breaks the balance, a Table 3 total of 0 beside a
 * pending case. The truth is what is printed; the rule engine's findings say which rule breaks.
 */
final class RuleBreaker {

    private RuleBreaker() {}

    static AnnualReport breakOneTotal(AnnualReport report, FormVocabulary vocabulary, Random rnd) {
        String key = switch (rnd.nextInt(4)) {
            case 0 -> rowTotal(report, vocabulary, rnd);
            case 1 -> column(vocabulary.processedRow(), vocabulary, rnd);
            case 2 -> column(vocabulary.forwardRow(), vocabulary, rnd);
            default ->
                FormVocabulary.REVIEWS + "."
                        + vocabulary
                                .reviewGroups()
                                .get(rnd.nextInt(vocabulary.reviewGroups().size()))
                                .key() + ".total";
        };
        BigDecimal printed = report.cells().value(key).orElse(BigDecimal.ZERO);
        BigDecimal changed = printed.signum() > 0 && rnd.nextInt(3) == 0
                ? BigDecimal.ZERO
                : printed.add(BigDecimal.valueOf(1 + rnd.nextInt(printed.intValue() > 20 ? 20 : 3)));
        return ReportBuilder.from(report).cell(key, changed).build();
    }

    private static String rowTotal(AnnualReport report, FormVocabulary vocabulary, Random rnd) {
        List<FormVocabulary.ApplicationRow> rows = vocabulary.applicationRows().stream()
                .filter(r -> report.cells().has(FormVocabulary.APPLICATIONS + "." + r.key() + ".total"))
                .toList();
        return FormVocabulary.APPLICATIONS + "."
                + rows.get(rnd.nextInt(rows.size())).key() + ".total";
    }

    private static String column(String row, FormVocabulary vocabulary, Random rnd) {
        List<ColumnDefinition> columns = vocabulary.applicantColumns();
        // mostly the natural-person or total column, where publishers' arithmetic slips show
        String column = rnd.nextBoolean()
                ? columns.get(0).key()
                : columns.get(columns.size() - 1).key();
        return FormVocabulary.APPLICATIONS + "." + row + "." + column;
    }
}
