package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.Renderer;
import cn.ogi.reader.render.Renderers;
import cn.ogi.reader.render.ReportGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Writes one sample of every published form to {@code target/render-samples/} (with the truth beside it) so that
 * people can look at what the property test feeds the reader.
 */
class RenderedSamplesTest {

    private static final Path OUT = Path.of("target", "render-samples");

    @Test
    void writesOneSampleOfEveryForm() throws IOException {
        Files.createDirectories(OUT);
        ReportGenerator generator = new ReportGenerator();
        long seed = Long.getLong("reader.sample.seed", 20240131L);
        List<Renderer> forms = Renderers.all();
        for (int i = 0; i < forms.size(); i++) {
            Renderer renderer = forms.get(i);
            GeneratedReport report = generator.generate(seed + i); // a different report and style per form
            Rendered rendered = renderer.render(report, new Random(seed + i));
            String extension = switch (rendered.expectedForm()) {
                case PDF -> "pdf";
                case HTML -> "html";
                case MARKDOWN -> "md";
                case TEXT -> "txt";
            };
            Path file = OUT.resolve(renderer.name() + "." + extension);
            Files.write(file, rendered.bytes());
            Files.writeString(OUT.resolve(renderer.name() + ".truth.txt"), TruthText.of(report));
            assertTrue(Files.size(file) > 1000, file + " is suspiciously small");
        }
    }
}
