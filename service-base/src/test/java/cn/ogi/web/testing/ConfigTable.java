package cn.ogi.web.testing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration table (its README) read against its {@code @ConfigMapping} interfaces, so that a key's
 * documented default is the one in code: key → default, "—" for a key without one.
 */
public final class ConfigTable {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([^|]*) \\|");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    private ConfigTable() {}

    /** Every property of the mappings (nested groups included) with its default. */
    public static Map<String, String> defaults(Class<?>... mappings) {
        Map<String, String> keys = new TreeMap<>();
        for (Class<?> mapping : mappings) {
            ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
            if (annotation == null) {
                throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
            }
            collect(annotation.prefix(), mapping, keys);
        }
        return keys;
    }

    private static void collect(String prefix, Class<?> group, Map<String, String> keys) {
        Method[] methods = group.getDeclaredMethods();
        Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
        for (Method method : methods) {
            if (method.isDefault()
                    || method.isSynthetic()
                    || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith("cn.ogi.")) {
                collect(key, type, keys);
                continue;
            }
            WithDefault value = method.getAnnotation(WithDefault.class);
            keys.put(key, value != null ? value.value() : "—");
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The rows of the README's tables whose key starts with one of the prefixes, each with its default: the first
     * {@code `…`} of the default column (a note after it, such as "(false in tests)", is left out), "—" for a cell that
     * starts with one, else its text.
     */
    public static Map<String, String> documented(Path readme, String... prefixes) {
        Map<String, String> keys = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(readme)) {
                Matcher row = ROW.matcher(line);
                if (!row.find() || Arrays.stream(prefixes).noneMatch(row.group(1)::startsWith)) {
                    continue;
                }
                String cell = row.group(2).strip();
                Matcher code = CODE.matcher(cell);
                keys.put(row.group(1), code.lookingAt() ? code.group(1) : cell.startsWith("—") ? "—" : cell);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
