package cn.ogi.reader.render;

import cn.ogi.reader.SourceForm;
import java.util.Map;
import java.util.Random;

/**
 * An OCR engine's reading of a printed report, over a pdftotext-like layout or a Markdown conversion: Traditional
 * characters here and there in the labels, look-alike characters, lost column headers, stray spaces inside numbers
 * ({@code 1 362}), and now and then O for 0 or l for 1 inside a number. The digits' values never change: the noise
 * hides them, it does not rewrite them.
 */
public final class OcrNoiseRenderer implements Renderer {

    /** Simplified → Traditional, pairs of characters that occur in the form's labels (a small table of our own). */
    private static final Map<Character, Character> TRADITIONAL =
            pairs("开開类類处處请請数數与與务務机機构構关關业業计計总總规規项項诉訴讼訟议議结結转轉复復护護权權无無达達认認费費缴繳发發过過");

    /** Characters that OCR confuses (our own list), each mapped one way. */
    private static final Map<Character, Character> LOOK_ALIKE = pairs("己已已己未末人入土士日曰申由大太干千力刀理埋制製");

    private final boolean overMarkdown;

    public OcrNoiseRenderer(boolean overMarkdown) {
        this.overMarkdown = overMarkdown;
    }

    @Override
    public String name() {
        return overMarkdown ? "ocr-markdown" : "ocr-layout";
    }

    @Override
    public Rendered render(GeneratedReport report, Random rnd) {
        TableStyle style = TableStyle.random(rnd);
        if (rnd.nextBoolean()) {
            style = style.withLostColumnHeaders();
        }
        String base = overMarkdown
                ? new MarkdownRenderer(false).markdown(report, style, rnd)
                : new LayoutTextRenderer().layout(report, style, rnd);
        String noisy = noise(base, rnd);
        return Rendered.text(
                name(), noisy, "text/plain; charset=utf-8", overMarkdown ? SourceForm.MARKDOWN : SourceForm.TEXT);
    }

    static String noise(String text, Random rnd) {
        double traditional = rnd.nextDouble() * 0.25;
        double lookAlike = rnd.nextDouble() * 0.04;
        double spaceInNumber = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 0.3;
        double letterInNumber = rnd.nextInt(2) == 0 ? 0 : rnd.nextDouble() * 0.05;
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char prev = i > 0 ? text.charAt(i - 1) : ' ';
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            if (isDigit(c) && isDigit(prev) && rnd.nextDouble() < spaceInNumber / 3) {
                out.append(' '); // 1 362
            }
            if ((c == '0' || c == '1') && isDigit(prev) && isDigit(next) && rnd.nextDouble() < letterInNumber) {
                out.append(c == '0' ? 'O' : 'l');
            } else if (TRADITIONAL.containsKey(c) && rnd.nextDouble() < traditional) {
                out.append(TRADITIONAL.get(c));
            } else if (LOOK_ALIKE.containsKey(c) && rnd.nextDouble() < lookAlike) {
                out.append(LOOK_ALIKE.get(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<Character, Character> pairs(String chars) {
        Map<Character, Character> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < chars.length(); i += 2) {
            map.put(chars.charAt(i), chars.charAt(i + 1));
        }
        return Map.copyOf(map);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
