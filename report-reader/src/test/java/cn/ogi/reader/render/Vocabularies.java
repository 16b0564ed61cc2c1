package cn.ogi.reader.render;

import cn.ogi.form.edition.Editions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link FormVocabulary} per edition, built once. */
final class Vocabularies {

    private static final Map<String, FormVocabulary> BY_EDITION = new ConcurrentHashMap<>();

    private Vocabularies() {}

    static FormVocabulary of(String edition) {
        return BY_EDITION.computeIfAbsent(
                edition, e -> new FormVocabulary(Editions.standard().get(e)));
    }
}
