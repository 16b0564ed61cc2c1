package cn.ogi.reader.table;

import java.util.ArrayList;
import java.util.List;

/** Where a table's header places its columns (see {@link ColumnModel}): the centres of its column labels. */
final class HeaderColumns {

    private HeaderColumns() {}

    /**
     * The centres of the columns named {@code labels} (compact, in order) from a table header's positioned label
     * tokens, per page. The labels are found left to right, each in a token to the right of the one before, so
     * that labels sharing their first characters (本年制发件数, 本年废止件数) or printed in every group of a table (结果维持
     * … 总计, three times) each find their own; a label printed across lines ("结果维" over "持") is found by its
     * first characters (at least two), the token sharing most of them winning.
     */
    static java.util.Map<Integer, double[]> centers(List<Token> header, List<String> labels) {
        java.util.Map<Integer, double[]> out = new java.util.HashMap<>();
        java.util.Map<Integer, List<Token>> byPage = new java.util.HashMap<>();
        for (Token t : header) {
            if (t.type() == Token.Type.LABEL && t.positioned()) {
                byPage.computeIfAbsent(t.page(), p -> new ArrayList<>()).add(t);
            }
        }
        for (var e : byPage.entrySet()) {
            List<Token> page = new ArrayList<>(e.getValue());
            page.sort(java.util.Comparator.comparingDouble(Token::center));
            double[] centers = new double[labels.size()];
            double previous = Double.NEGATIVE_INFINITY;
            boolean all = true;
            for (int c = 0; c < labels.size() && all; c++) {
                Token found = null;
                int foundShared = 1;
                for (Token t : page) {
                    int shared = sharedPrefix(labels.get(c), cn.ogi.reader.text.Labels.compact(t.text()));
                    if (t.center() > previous && shared > foundShared) {
                        found = t;
                        foundShared = shared;
                    }
                }
                if (found == null) {
                    all = false;
                } else {
                    centers[c] = found.center();
                    previous = found.center();
                }
            }
            if (all) {
                out.put(e.getKey(), centers);
            }
        }
        return out;
    }

    private static int sharedPrefix(String label, String text) {
        int n = 0;
        while (n < label.length() && n < text.length() && label.charAt(n) == text.charAt(n)) {
            n++;
        }
        return n == label.length() || n == text.length() || n >= 2 ? n : 0;
    }
}
