package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An amount typed with its decimal point twice ({@code 3..796}) is the amount a person reads (3.796), in every form;
 * before, its {@code 3.} was taken for an item number (read 796) or its parts for two cells (read 5473 of 54735..8).
 */
class DoubledPointTest {

    private static final String[] AMOUNTS = {
        "activeDisclosure.administrativeFees.amountWan", "activeDisclosure.centralizedProcurement.amountWan"
    };

    @Test
    void anAmountWithItsPointTypedTwiceIsReadAsTheAmountOrUnknownNeverAnotherNumber() {
        ReportGenerator generator = new ReportGenerator();
        List<String> wrong = new ArrayList<>();
        int exact = 0;
        int checked = 0;
        for (String form : List.of("layout", "html", "pipe", "markdown", "flowing")) {
            for (long seed = 7_000; seed < 7_040; seed++) {
                GeneratedReport report = generator.generate(seed);
                Rendered rendered = Renderers.named(form).render(report, new Random(seed));
                String text = new String(rendered.bytes(), StandardCharsets.UTF_8);
                for (String key : AMOUNTS) {
                    BigDecimal truth = report.truth().cells().asMap().get(key);
                    if (truth == null || truth.scale() <= 0 || !text.contains(truth.toPlainString())) {
                        continue;
                    }
                    String typed = truth.toPlainString().replace(".", "..");
                    byte[] misprinted =
                            text.replace(truth.toPlainString(), typed).getBytes(StandardCharsets.UTF_8);
                    Reading reading = new PublishedReportReader()
                            .read(
                                    new PublishedSource(misprinted, rendered.mediaType()),
                                    new ReadHints(null, report.truth().year()));
                    BigDecimal read = reading.cells().get(key).value();
                    checked++;
                    if (read != null && read.compareTo(truth) == 0) {
                        exact++;
                    } else if (read != null || !form.equals("flowing")) {
                        wrong.add(form + " " + seed + " " + typed + " read " + read);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 20 && exact >= checked * 3 / 4, exact + " of " + checked + " exact");
    }
}
