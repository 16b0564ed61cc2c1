package cn.ogi.reader.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Broken, hostile and absurd inputs for the robustness test: mutations of renderings and made-up bodies. */
public final class HostileInputs {

    /** One input: a description for the failure message, the bytes and the media type they are sent with. */
    @SuppressWarnings("ArrayRecordComponent") // an input's bytes, made once and read by the test
    public record Input(String description, byte[] bytes, String mediaType) {}

    private HostileInputs() {}

    /** A mutation of a rendering, chosen by the Random. */
    public static Input mutate(Rendered base, Random rnd) {
        byte[] b = base.bytes();
        String type = base.mediaType();
        String what = base.renderer() + " ";
        return switch (rnd.nextInt(10)) {
            case 8 -> new Input(what + "a span cut out", span(base, rnd, false), type);
            case 9 -> new Input(what + "a span duplicated", span(base, rnd, true), type);
            case 0 -> new Input(what + "truncated", Arrays.copyOf(b, rnd.nextInt(Math.max(1, b.length))), type);
            case 1 -> new Input(what + "byte-flipped", flip(b, 1 + rnd.nextInt(50), rnd), type);
            case 2 -> new Input(what + "lines shuffled", lines(base, rnd, Mode.SHUFFLE), type);
            case 3 -> new Input(what + "lines cut", lines(base, rnd, Mode.CUT), type);
            case 4 -> new Input(what + "lines duplicated", lines(base, rnd, Mode.DUPLICATE), type);
            case 5 -> new Input(what + "noise inserted", noise(base, rnd), type);
            case 6 -> new Input(what + "as another media type", b, otherType(type, rnd));
            default ->
                new Input(
                        what + "truncated and flipped",
                        flip(Arrays.copyOf(b, Math.max(1, b.length / 2)), 5, rnd),
                        type);
        };
    }

    private static String otherType(String type, Random rnd) {
        List<String> types = List.of(
                "application/pdf",
                "text/html",
                "text/plain",
                "text/markdown",
                "application/octet-stream",
                "image/png",
                "text/plain; charset=gbk",
                ";;;",
                "");
        String t = types.get(rnd.nextInt(types.size()));
        return t.equals(type) ? "application/pdf" : t;
    }

    private static byte[] flip(byte[] b, int count, Random rnd) {
        byte[] copy = b.clone();
        for (int i = 0; i < count && copy.length > 0; i++) {
            copy[rnd.nextInt(copy.length)] = (byte) rnd.nextInt(256);
        }
        return copy;
    }

    private enum Mode {
        SHUFFLE,
        CUT,
        DUPLICATE
    }

    private static byte[] lines(Rendered base, Random rnd, Mode mode) {
        if (base.mediaType().startsWith("application/pdf")) {
            return flip(base.bytes(), 10, rnd);
        }
        List<String> lines = new ArrayList<>(List.of(base.text().split("\n", -1)));
        switch (mode) {
            case SHUFFLE -> {
                int from = rnd.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 2 + rnd.nextInt(60));
                Collections.shuffle(lines.subList(from, to), rnd);
            }
            case CUT -> {
                for (int i = 0; i < 1 + rnd.nextInt(10) && !lines.isEmpty(); i++) {
                    lines.remove(rnd.nextInt(lines.size()));
                }
            }
            case DUPLICATE -> {
                int copies = rnd.nextInt(10) == 0 ? 200 : 1 + rnd.nextInt(5);
                int at = rnd.nextInt(lines.size());
                for (int i = 0; i < copies; i++) {
                    lines.add(at, lines.get(at));
                }
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] span(Rendered base, Random rnd, boolean duplicate) {
        byte[] b = base.bytes();
        if (base.mediaType().startsWith("application/pdf")) {
            int from = rnd.nextInt(b.length);
            int to = Math.min(b.length, from + rnd.nextInt(5000));
            byte[] out = new byte[b.length - (to - from) + (duplicate ? 2 * (to - from) : 0)];
            System.arraycopy(b, 0, out, 0, from);
            int at = from;
            if (duplicate) {
                System.arraycopy(b, from, out, at, to - from);
                at += to - from;
                System.arraycopy(b, from, out, at, to - from);
                at += to - from;
            }
            System.arraycopy(b, to, out, at, b.length - to);
            return out;
        }
        String text = base.text();
        int from = rnd.nextInt(Math.max(1, text.length()));
        int to = Math.min(text.length(), from + rnd.nextInt(400));
        String piece = text.substring(from, to);
        String out = text.substring(0, from) + (duplicate ? piece + piece : "") + text.substring(to);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] noise(Rendered base, Random rnd) {
        if (base.mediaType().startsWith("application/pdf")) {
            return flip(base.bytes(), 100, rnd);
        }
        StringBuilder s = new StringBuilder(base.text());
        for (int i = 0; i < 1 + rnd.nextInt(200) && s.length() > 0; i++) {
            int at = rnd.nextInt(s.length());
            s.insert(at, randomText(1 + rnd.nextInt(8), rnd));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Digits, CJK, pipes, brackets, markup and control characters mixed. */
    public static String randomText(int length, Random rnd) {
        String pool = "0123456789 |-#<>&;（）()一二三四、.政府信息公开申请总计\t\n\u0000\u200b\ufeff";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(
                    rnd.nextInt(20) == 0
                            ? (char) (0x4e00 + rnd.nextInt(0x5000))
                            : pool.charAt(rnd.nextInt(pool.length())));
        }
        return s.toString();
    }

    public static byte[] randomBytes(int length, Random rnd) {
        byte[] b = new byte[length];
        rnd.nextBytes(b);
        return b;
    }

    public static String nestedHtml(int depth, String open, String close) {
        return open.repeat(depth) + "一、本年新收政府信息公开申请数量 1 2 3" + close.repeat(depth);
    }

    /** A PDF of {@code pages} empty pages. */
    public static byte[] blankPages(int pages) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(PDRectangle.A4));
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that only draws lines: a scan-like document without a text layer. */
    public static byte[] noTextLayer() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (int i = 0; i < 30; i++) {
                    cs.moveTo(60, 100 + 20 * i);
                    cs.lineTo(530, 100 + 20 * i);
                    cs.stroke();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rendered PDF encrypted with a user password. */
    public static byte[] encrypted(byte[] pdf) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
