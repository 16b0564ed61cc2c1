package cn.ogi.reader.render;

import java.util.List;

/**
 * Notes agencies print above and under their tables, with digits in them that are no cells: the statistics
 * period, a closing date, the unit, a note naming a row with a count ({@code “其他”包括…3件}). Three publishers'
 * sets ({@link PrintHabits#notes()}), each a note before or after some of the tables.
 */
final class TableNotes {

    private TableNotes() {}

    /** The note printed between a table's heading and the table, or null. */
    static String above(String section, int set) {
        return switch (set * 10 + sectionIndex(section)) {
            case 10, 31 -> "（单位：件）";
            case 20 -> "单位：件、万元";
            case 21 -> "单位：件";
            case 32 -> "（单位：件）";
            default -> null;
        };
    }

    /** The note printed under a table, or null. */
    static String below(String section, int set, int year, int count) {
        String period = year + "年1月1日至" + year + "年12月31日";
        return switch (set * 10 + sectionIndex(section)) {
            case 10 -> "注：本表数据统计时间为" + period + "。";
            case 11 -> "注：“其他处理”包括申请人撤回申请" + count + "件。";
            case 12, 20 -> "注：表中数据截至" + year + "年12月31日";
            case 22 -> "注：本表统计期限为" + period + "，单位：件。";
            case 30 -> "注：" + (year - 2000) + "项规章已于" + year + "年" + (1 + count % 12) + "月清理。";
            case 31 -> "注：本表数据统计时间为" + period + "。";
            default -> null;
        };
    }

    private static int sectionIndex(String section) {
        return List.of(FormVocabulary.ACTIVE, FormVocabulary.APPLICATIONS, FormVocabulary.REVIEWS)
                .indexOf(section);
    }
}
