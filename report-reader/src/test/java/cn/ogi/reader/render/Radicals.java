package cn.ogi.reader.render;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The text layer a word processor's PDF export often gives: a whole character written as the CJK radical of the same
 * shape ({@code 行} as ⾏ U+2F8F, {@code 门} as ⻔ U+2ED4), for every occurrence of it in the document, as the
 * font's character map decides. Which characters are affected differs from font to font: each document draws its
 * own share of them.
 */
public final class Radicals {

    /** Unified ideograph → the radical printed for it: every Kangxi radical (by NFKC), and a few supplement ones. */
    private static final Map<Character, Character> RADICAL_OF = radicals();

    private final Map<Character, Character> printed = new HashMap<>();

    private Radicals(Random rnd, IntPredicate drawable, double share) {
        for (Map.Entry<Character, Character> e : RADICAL_OF.entrySet()) {
            if ((share >= 1 || rnd.nextDouble() < share) && drawable.test(e.getValue())) {
                printed.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Every character that has a radical twin printed as it (the most a font can do). */
    public static Radicals every() {
        return new Radicals(new Random(0), c -> true, 1.0);
    }

    /** A document's choice of characters printed as radicals; only radicals the font can draw are chosen. */
    public static Radicals of(Random rnd, IntPredicate drawable) {
        return new Radicals(rnd, drawable, 0.3 + rnd.nextDouble() * 0.7);
    }

    public String print(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(printed.getOrDefault(c, c));
        }
        return sb.toString();
    }

    private static Map<Character, Character> radicals() {
        Map<Character, Character> map = new TreeMap<>(); // in code order: a seed renders the same document
        for (char radical = '\u2F00'; radical <= '\u2FD5'; radical++) {
            String unified = Normalizer.normalize(String.valueOf(radical), Normalizer.Form.NFKC);
            map.put(unified.charAt(0), radical);
        }
        // radicals supplement: the simplified whole characters common in the form's labels and agency names
        for (String pair : List.of("门⻔", "见⻅", "长⻓", "车⻋", "马⻢", "民⺠", "青⻘", "页⻚", "风⻛", "龙⻰")) {
            map.put(pair.charAt(0), pair.charAt(1));
        }
        return Collections.unmodifiableMap(map);
    }
}
