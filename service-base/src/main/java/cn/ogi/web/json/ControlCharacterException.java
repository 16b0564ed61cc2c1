package cn.ogi.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A bound string held a control character; the mapper names the field from the exception's path. */
public final class ControlCharacterException extends JsonMappingException {

    ControlCharacterException(JsonParser parser, String message) {
        super(parser, message);
    }
}
