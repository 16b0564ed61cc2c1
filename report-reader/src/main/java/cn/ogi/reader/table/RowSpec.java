package cn.ogi.reader.table;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.SectionDefinition;
import cn.ogi.reader.text.Labels;
import cn.ogi.reader.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the form as the readers look for it: its key, the labels it may be printed with (compact), and its
 * cells in print order — all from the edition definition.
 *
 * @param key    the row's path, e.g. {@code applications.withheld.stateSecret}
 * @param labels compact labels, the row's own part first ({@code 1属于国家秘密})
 * @param cells  the row's cells in print order
 */
public record RowSpec(String key, List<String> labels, List<CellSpec> cells) {

    public RowSpec {
        labels = List.copyOf(labels);
        cells = List.copyOf(cells);
    }

    public List<String> cellKeys() {
        return cells.stream().map(CellSpec::key).toList();
    }

    /** The rows of a section, labelled with the part of the definition label printed on the row itself. */
    public static List<RowSpec> of(EditionDefinition edition, String section) {
        SectionDefinition s = edition.section(section).orElse(null);
        if (s == null) {
            return List.of();
        }
        List<RowSpec> out = new ArrayList<>();
        for (RowDefinition r : s.rows()) {
            String path = section + "." + r.key();
            List<CellSpec> cells = new ArrayList<>();
            for (CellDefinition c : edition.cells()) {
                if (c.section().equals(section) && c.row().equals(r.key())) {
                    cells.add(CellSpec.of(c));
                }
            }
            out.add(new RowSpec(path, List.of(ownLabel(r.label())), cells));
        }
        return out;
    }

    public RowSpec withLabels(List<String> more) {
        List<String> all = new ArrayList<>(labels);
        all.addAll(more);
        return new RowSpec(key, all, cells);
    }

    public RowSpec withOnlyLabels(List<String> only) {
        return new RowSpec(key, only, cells);
    }

    /**
     * The part of a definition label printed on the row itself: {@code (三) 不予公开 1. 属于国家秘密} →
     * {@code 1属于国家秘密}, {@code 三、本年度办理结果 (一) 予以公开} → {@code 一予以公开}, {@code 第二十条第（一）项 规章} →
     * {@code 规章}.
     */
    static String ownLabel(String definitionLabel) {
        String l = Normalizer.normalize(definitionLabel);
        int item = -1;
        for (int i = 0; i + 1 < l.length(); i++) {
            if (Character.isDigit(l.charAt(i)) && (l.charAt(i + 1) == '.' || l.charAt(i + 1) == '、')) {
                item = i;
            }
        }
        if (item < 0) {
            int paren = l.lastIndexOf('(');
            int space = l.lastIndexOf(' ');
            item = l.contains("第二十条") ? space + 1 : Math.max(paren, 0);
        }
        return Labels.compact(l.substring(item));
    }
}
