package cn.ogi.reader.table;

import java.util.List;

/**
 * What a row's tokens from each one on hold: numbers, their digits, fixed cells (blank or merged), empty cells at
 * the row's end, numbers a single space after the one before — and so whether they can still fill the cells left.
 */
final class TokenCounts {

    /** From token {@code i} on (index {@code i}; the last index counts nothing). */
    final int[] numbers;

    private final int[] digits;
    final int[] fixed;
    final int[] trailing;
    final int[] weak;

    TokenCounts(List<Token> tokens) {
        int n = tokens.size();
        numbers = new int[n + 1];
        digits = new int[n + 1];
        fixed = new int[n + 1];
        trailing = new int[n + 1];
        weak = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            numbers[i] = numbers[i + 1] + (t.type() == Token.Type.NUMBER ? 1 : 0);
            digits[i] =
                    digits[i + 1] + (t.type() == Token.Type.NUMBER ? t.text().length() : 0);
            fixed[i] = fixed[i + 1] + (t.type() == Token.Type.BLANK || t.type() == Token.Type.MERGED ? 1 : 0);
            trailing[i] = trailing[i + 1] + (t.type() == Token.Type.TRAILING ? 1 : 0);
            weak[i] = weak[i + 1] + (t.type() == Token.Type.NUMBER && t.weakBefore() && i > 0 ? 1 : 0);
        }
    }

    /**
     * Can the tokens from ({@code ti}, digit {@code off}) fill exactly {@code left} cells, with at most {@code joins}
     * joins and the stage's inferences ({@code splits}, {@code invisible} blanks, {@code trailingCells})?
     */
    boolean feasible(int ti, int off, int left, int joins, boolean splits, boolean invisible, boolean trailingCells) {
        int numbers = this.numbers[ti];
        int digits = this.digits[ti] - off;
        if (off > 0) {
            numbers = this.numbers[ti]; // the current token's rest still counts as one number
        }
        int fixed = this.fixed[ti];
        int min = Math.max(0, numbers - Math.min(joins, weak[ti])) + fixed;
        int trailing = trailingCells ? this.trailing[ti] : 0;
        if (!splits && !invisible && joins == 0) {
            return min <= left && left <= numbers + fixed + trailing;
        }
        int max = (splits ? digits : numbers) + fixed + trailing;
        return min <= left && (invisible || left <= max);
    }
}
