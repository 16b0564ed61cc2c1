package cn.ogi.reader.render;

import cn.ogi.form.model.AnnualReport;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which zero cells a report prints blank. Most reports print every 0; some leave nearly every zero cell empty (a
 * blank cell means 0); a few leave a scattering empty. A Table 1 row keeps at least one printed number, since a
 * Table 1 row with no number at all means "not stated", not 0.
 */
final class BlankCells {

    private BlankCells() {}

    static Set<String> choose(AnnualReport truth, FormVocabulary vocabulary, Random rnd) {
        int style = rnd.nextInt(100);
        double p = style < 55 ? 0 : style < 85 ? 0.9 : 0.15;
        Set<String> blank = new HashSet<>();
        if (p == 0) {
            return blank;
        }
        for (Map.Entry<String, BigDecimal> e : truth.cells().asMap().entrySet()) {
            if (e.getValue() != null
                    && e.getValue().signum() == 0
                    && !e.getKey().startsWith("processingFees.")
                    && rnd.nextDouble() < p) {
                blank.add(e.getKey());
            }
        }
        keepOneNumberPerTableOneRow(truth, vocabulary, blank);
        return blank;
    }

    private static void keepOneNumberPerTableOneRow(AnnualReport truth, FormVocabulary vocabulary, Set<String> blank) {
        for (FormVocabulary.Block block : vocabulary.blocks()) {
            for (FormVocabulary.Row row : block.rows()) {
                String prefix = FormVocabulary.ACTIVE + "." + row.key() + ".";
                List<String> cells = truth.cells().keys().stream()
                        .filter(k -> k.startsWith(prefix))
                        .collect(Collectors.toList());
                boolean stated =
                        cells.stream().anyMatch(k -> truth.cells().value(k).isPresent());
                if (stated && blank.containsAll(cells)) {
                    blank.remove(cells.get(0));
                }
            }
        }
    }
}
