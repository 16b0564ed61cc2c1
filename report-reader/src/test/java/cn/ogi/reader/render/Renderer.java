package cn.ogi.reader.render;

import java.util.Random;

/** Prints a generated report in one published form; every feature of the form is switched on or off by the Random. */
public interface Renderer {

    /** A short name for reports and seeds ({@code flowing}, {@code html}, {@code pdf}, …). */
    String name();

    Rendered render(GeneratedReport report, Random rnd);
}
