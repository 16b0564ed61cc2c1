package cn.ogi.form.edition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The instances of a definition with a {@code forEach}: one binding of its variable per value. */
final class ForEach {

    private ForEach() {}

    /** One binding per value; a single empty binding when there is no variable. */
    static List<Map<String, String>> bindings(String variable, List<String> values) {
        if (variable == null) {
            return List.of(Map.of());
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (String v : values) {
            result.add(Map.of(variable, v));
        }
        return result;
    }
}
