package cn.ogi.reader.text;

import java.math.BigDecimal;

/** Numbers as prose writes them: {@code 14}, {@code 两}, {@code 十二}, {@code 一百零五}. */
public final class ChineseNumbers {

    /** A regex fragment matching one number in either form. */
    public static final String NUMBER = "(\\d+|[零〇一二两三四五六七八九十百千万]{1,8})";

    private ChineseNumbers() {}

    /** The value, or null when the text is not a number. */
    public static BigDecimal parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() > 18 ? null : new BigDecimal(s);
        }
        long total = 0;
        long section = 0;
        long number = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int digit = digit(c);
            if (digit >= 0) {
                number = digit;
                continue;
            }
            switch (c) {
                case '十' -> {
                    section += (number == 0 ? 1 : number) * 10;
                    number = 0;
                }
                case '百' -> {
                    section += number * 100;
                    number = 0;
                }
                case '千' -> {
                    section += number * 1000;
                    number = 0;
                }
                case '万' -> {
                    total += (section + number) * 10000;
                    section = 0;
                    number = 0;
                }
                default -> {
                    return null;
                }
            }
        }
        return BigDecimal.valueOf(total + section + number);
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
