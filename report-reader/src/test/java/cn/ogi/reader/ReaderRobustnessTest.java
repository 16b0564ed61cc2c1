package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.ogi.reader.render.CjkFont;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.HostileInputs;
import cn.ogi.reader.render.HostileInputs.Input;
import cn.ogi.reader.render.PdfRenderer;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderer;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Broken and hostile input never breaks the reader: 2,000 mutated renderings and made-up bodies (truncated and
 * byte-flipped PDFs, random bytes labelled application/pdf, 5,000 blank pages, an encrypted PDF, one without text,
 * 10,000-level nested HTML, shuffled, cut and duplicated lines, noise, a 50 MB body, empty bodies) each end in a
 * {@link Reading} or an {@link UnreadableReportException} — no other exception, no answer later than a few
 * seconds, no OutOfMemoryError. {@code -Dreader.robustness.seed=N} changes the run.
 */
class ReaderRobustnessTest {

    private static final long SEED = Long.getLong("reader.robustness.seed", 4242L);
    private static final int CASES = 2_000;
    private static final long TIMEOUT_SECONDS = 10;

    private final PublishedReportReader reader = new PublishedReportReader();

    @Test
    void everyInputEndsInAReadingOrAnUnreadableReport() throws Exception {
        List<Input> inputs = inputs();
        assertEquals(CASES, inputs.size());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        int readings = 0;
        int refusals = 0;
        long slowest = 0;
        String slowestCase = "";
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                long start = System.nanoTime();
                Future<Object> answer = pool.submit(() -> read(input));
                Object outcome;
                try {
                    outcome = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    answer.cancel(true);
                    fail("case " + i + " (" + input.description() + ") gave no answer within " + TIMEOUT_SECONDS
                            + " s");
                    return;
                } catch (ExecutionException e) {
                    failures.add("case " + i + " (" + input.description() + "): " + e.getCause());
                    continue;
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms > slowest) {
                    slowest = ms;
                    slowestCase = input.description();
                }
                if (outcome instanceof UnreadableReportException u) {
                    if ("not-implemented".equals(u.reason())) {
                        fail("PublishedReportReader.read is not implemented yet (UnreadableReportException "
                                + "not-implemented): this test fails until the reader lands");
                    }
                    refusals++;
                } else {
                    readings++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "robustness: %d inputs, %d read, %d refused, slowest %d ms (%s)%n",
                inputs.size(), readings, refusals, slowest, slowestCase);
        assertEquals(
                0,
                failures.size(),
                failures.size() + " inputs ended in another exception (only Reading or UnreadableReportException may "
                        + "come out); first: " + failures.subList(0, Math.min(20, failures.size())));
        assertTrue(readings > 0, "not one input was read: the unmutated controls at least must be");
    }

    /** The reader's answer, or the UnreadableReportException it threw; anything else propagates as a failure. */
    private Object read(Input input) {
        try {
            return reader.read(new PublishedSource(input.bytes(), input.mediaType()), new ReadHints(null, null));
        } catch (UnreadableReportException e) {
            return e;
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    private static List<Input> inputs() {
        Random rnd = new Random(SEED);
        ReportGenerator generator = new ReportGenerator();
        List<Renderer> forms = new ArrayList<>(Renderers.textForms());
        CjkFont.installed().ifPresent(f -> forms.add(new PdfRenderer(f)));
        List<Rendered> bases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Renderer form = forms.get(i % forms.size());
            GeneratedReport report = generator.generate(SEED + i);
            bases.add(form.render(report, new Random(SEED + i)));
        }
        List<Input> inputs = new ArrayList<>(fixed(bases, rnd));
        for (Rendered base : bases.subList(0, 20)) { // unmutated controls
            inputs.add(new Input(base.renderer() + " unmutated", base.bytes(), base.mediaType()));
        }
        while (inputs.size() < CASES) {
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                inputs.add(new Input(
                        "random bytes as PDF",
                        HostileInputs.randomBytes(rnd.nextInt(200_000), rnd),
                        "application/pdf"));
            } else if (kind == 1) {
                String text = HostileInputs.randomText(rnd.nextInt(20_000), rnd);
                inputs.add(new Input(
                        "random text",
                        text.getBytes(StandardCharsets.UTF_8),
                        rnd.nextBoolean() ? "text/plain" : "text/html"));
            } else {
                inputs.add(HostileInputs.mutate(bases.get(rnd.nextInt(bases.size())), rnd));
            }
        }
        return inputs;
    }

    private static List<Input> fixed(List<Rendered> bases, Random rnd) {
        List<Input> fixed = new ArrayList<>();
        for (String type : List.of("text/plain", "text/html", "text/markdown", "application/pdf", "")) {
            fixed.add(new Input("empty body as " + type, new byte[0], type));
        }
        fixed.add(new Input("null media type", "一、本年新收".getBytes(StandardCharsets.UTF_8), null));
        fixed.add(new Input(
                "PDF header then garbage",
                concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), HostileInputs.randomBytes(50_000, rnd)),
                "application/pdf"));
        fixed.add(new Input("5,000 blank pages", HostileInputs.blankPages(5_000), "application/pdf"));
        fixed.add(new Input("PDF without a text layer", HostileInputs.noTextLayer(), "application/pdf"));
        bases.stream()
                .filter(b -> b.mediaType().equals("application/pdf"))
                .findFirst()
                .ifPresent(pdf ->
                        fixed.add(new Input("encrypted PDF", HostileInputs.encrypted(pdf.bytes()), "application/pdf")));
        fixed.add(html("10,000 nested divs", HostileInputs.nestedHtml(10_000, "<div>", "</div>")));
        fixed.add(html(
                "10,000 nested tables", HostileInputs.nestedHtml(10_000, "<table><tr><td>", "</td></tr></table>")));
        fixed.add(html("10,000 unclosed spans", HostileInputs.nestedHtml(10_000, "<span>", "")));
        fixed.add(html(
                "rowspan 1e9", "<table><tr><td rowspan=\"1000000000\" colspan=\"1000000000\">1</td></tr></table>"));
        fixed.add(new Input("50 MB body", fiftyMegabytes(), "text/plain"));
        fixed.add(new Input(
                "a million digits on one line",
                "一、本年新收政府信息公开申请数量".concat("7".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8),
                "text/plain"));
        Rendered text = bases.get(0);
        fixed.add(new Input(
                "a report repeated 300 times",
                text.text().repeat(300).getBytes(StandardCharsets.UTF_8),
                text.mediaType()));
        return fixed;
    }

    private static Input html(String description, String html) {
        return new Input(description, html.getBytes(StandardCharsets.UTF_8), "text/html");
    }

    private static byte[] fiftyMegabytes() {
        byte[] line = "（一）予以公开 1 2 3 4 5 6 21 政府信息公开\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[50 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = line[i % line.length];
        }
        return body;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
