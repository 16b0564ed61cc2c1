package cn.ogi.web.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A service's OpenAPI document as committed under {@code docs/openapi/<service>.json}: the generated client
 * ({@code api-client}) is built from it, so it must be exactly what the service answers on {@code /q/openapi}.
 * {@link #assertMatches} fails, listing where they differ and the command that refreshes the snapshots; with
 * {@code -Dogi.openapi.snapshot.write=true} (what {@code deploy/local/openapi-snapshot} passes) it writes the
 * live document instead.
 */
public final class OpenApiSnapshot {

    /** The command that rewrites every snapshot from the services' live documents. */
    public static final String REFRESH = "deploy/local/openapi-snapshot";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SHOWN = 20;

    private OpenApiSnapshot() {}

    /** {@code docs/openapi/<service>.json} of the repository (its root from {@code ogi.root.dir}, else ..). */
    public static Path file(String service) {
        return Path.of(System.getProperty("ogi.root.dir", ".."), "docs", "openapi", service + ".json")
                .toAbsolutePath()
                .normalize();
    }

    /** Fails unless {@code live} equals the committed snapshot of {@code service} (or writes it, when asked). */
    public static void assertMatches(String service, JsonNode live) {
        Path file = file(service);
        try {
            if (Boolean.getBoolean("ogi.openapi.snapshot.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
                System.out.println("OpenAPI snapshot written: " + file);
                return;
            }
            if (!Files.exists(file)) {
                fail("no OpenAPI snapshot " + file + ": run " + REFRESH + " and commit it");
            }
            List<String> differences = differences("", JSON.readTree(file.toFile()), live);
            if (!differences.isEmpty()) {
                fail(file + " differs from the live /q/openapi in " + differences.size() + " place(s) (the "
                        + "generated client is built from the snapshot): run " + REFRESH + " and commit it.\n  "
                        + String.join("\n  ", differences.subList(0, Math.min(SHOWN, differences.size())))
                        + (differences.size() > SHOWN ? "\n  …" : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON pointers where the two documents differ (object members in any order, arrays in order). */
    static List<String> differences(String at, JsonNode snapshot, JsonNode live) {
        List<String> found = new ArrayList<>();
        if (snapshot.equals(live)) {
            return found;
        }
        if (snapshot.isObject() && live.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            snapshot.fieldNames().forEachRemaining(names::add);
            live.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String where = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!snapshot.has(name)) {
                    found.add(where + ": only live");
                } else if (!live.has(name)) {
                    found.add(where + ": only in the snapshot");
                } else {
                    found.addAll(differences(where, snapshot.get(name), live.get(name)));
                }
            }
        } else if (snapshot.isArray() && live.isArray()) {
            for (int i = 0; i < Math.max(snapshot.size(), live.size()); i++) {
                if (i >= live.size()) {
                    found.add(at + "/" + i + ": only in the snapshot");
                } else if (i >= snapshot.size()) {
                    found.add(at + "/" + i + ": only live");
                } else {
                    found.addAll(differences(at + "/" + i, snapshot.get(i), live.get(i)));
                }
            }
        } else {
            found.add((at.isEmpty() ? "/" : at) + ": " + abbreviated(snapshot) + " in the snapshot, "
                    + abbreviated(live) + " live");
        }
        return found;
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
