package cn.ogi.reader;

import java.util.List;

/**
 * The outcome of one property case: the cells compared, or why none were.
 *
 * @param form      the renderer's name
 * @param seed      the case seed (reproduces report and rendering)
 * @param cells     cells compared
 * @param exact     cells equal to the truth (including a not-stated cell read as null)
 * @param unknown   cells the reader left null where the truth has a value
 * @param wrong     cells with a value that is not the truth's
 * @param formOk    the reading's source form is the expected one
 * @param refused   the reader threw {@link UnreadableReportException}: its reason, else null
 * @param crash     any other exception or a hang: its description, else null
 * @param nanos     time of the read call
 * @param examples  wrong cells, described
 */
record CaseResult(
        String form,
        long seed,
        int cells,
        int exact,
        int unknown,
        int wrong,
        boolean formOk,
        String refused,
        String crash,
        long nanos,
        List<String> examples) {}
