package cn.ogi.reader.render;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Prints how long generating and rendering takes per form (information for sizing the property test). */
class RenderSpeedCheck {

    @Test
    void printsRenderingTimePerForm() {
        ReportGenerator generator = new ReportGenerator();
        for (int round = 0; round < 2; round++) { // the second round is warm
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                generator.generate(i);
            }
            System.out.printf("generate           %6.2f ms per report%n", (System.nanoTime() - start) / 1e6 / 1000);
        }
        for (Renderer form : Renderers.all()) {
            int n = form.name().equals("pdf") ? 20 : 500;
            long start = System.nanoTime();
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += form.render(generator.generate(i), new Random(i)).bytes().length;
            }
            System.out.printf(
                    "%-18s %6.2f ms per case, %6d bytes%n",
                    form.name(), (System.nanoTime() - start) / 1e6 / n, bytes / n);
        }
    }
}
