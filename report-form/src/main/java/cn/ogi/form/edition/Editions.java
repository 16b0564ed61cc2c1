package cn.ogi.form.edition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The known editions, loaded once from {@code /editions/*.json} on the classpath. */
public final class Editions {

    /** The files that make up the standard set; a new edition is a new file named here. */
    private static final List<String> STANDARD_FILES = List.of("legacy.json", "2019.json", "2021.json");

    private static final String FOLDER = "/editions/";

    private static final class Holder {
        static final Editions STANDARD = load(STANDARD_FILES);
    }

    private final List<EditionDefinition> editions;

    private Editions(List<EditionDefinition> editions) {
        this.editions = List.copyOf(editions);
    }

    public static Editions standard() {
        return Holder.STANDARD;
    }

    /** Loads the named files from the classpath folder {@code /editions/}, checking each definition. */
    public static Editions load(List<String> files) {
        ObjectMapper mapper = new ObjectMapper();
        List<EditionDefinition> list = files.stream()
                .map(f -> EditionLoader.parse(resource(mapper, f), include -> resource(mapper, include)))
                .toList();
        for (EditionDefinition e : list) {
            List<String> problems = DefinitionCheck.problems(e);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("edition " + e.id() + " is inconsistent: " + problems);
            }
        }
        return new Editions(list);
    }

    private static JsonNode resource(ObjectMapper mapper, String name) {
        try (InputStream in = Editions.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("edition resource " + FOLDER + name + " not found on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name, e);
        }
    }

    public EditionDefinition get(String id) {
        return find(id).orElseThrow(
                        () -> new IllegalArgumentException("unknown edition '" + id + "'; known editions: " + ids()));
    }

    public EditionDefinition get(EditionId id) {
        return get(id.id());
    }

    public Optional<EditionDefinition> find(String id) {
        return editions.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The edition whose year range contains the year (legacy ≤ 2018, 2019 for 2019–2020, 2021 from 2021). */
    public EditionDefinition forYear(int year) {
        return editions.stream()
                .filter(e -> e.appliesTo(year))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no edition applies to year " + year));
    }

    public List<EditionDefinition> all() {
        return editions;
    }

    public List<String> ids() {
        return editions.stream().map(EditionDefinition::id).toList();
    }
}
