package cn.ogi.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Strings bound to a type (registry records, approval reasons) are refused when they hold a control character. */
final class PlainStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        int at = ControlCharacters.indexIn(value);
        if (at >= 0) {
            throw new ControlCharacterException(p, ControlCharacters.describe(value, at));
        }
        return value;
    }
}
