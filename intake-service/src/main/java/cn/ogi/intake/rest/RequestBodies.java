package cn.ogi.intake.rest;

import cn.ogi.web.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a size bound and strict UTF-8, refusing with the right problem. */
final class RequestBodies {

    /** The largest single report body, JSON or text (a report is a few KiB; its text tens of KiB). */
    static final int MAX_REPORT_BYTES = 1024 * 1024;

    private RequestBodies() {}

    /** The body as text, or 413 when it is over the bound, 400 when it is empty or not UTF-8. */
    static String readUtf8(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("empty-body", "The request body is empty");
        }
        if (bytes.length > MAX_REPORT_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(
                    "not-utf8",
                    "The " + what + " is not valid UTF-8 (a GBK or GB18030 file?); "
                            + "convert it to UTF-8 and send it again");
        }
    }

    static ProblemException tooLarge() {
        return ProblemException.of(
                413,
                "body-too-large",
                "Content too large",
                "A single report may be at most " + MAX_REPORT_BYTES + " bytes; send many reports with "
                        + "POST /api/v1/submissions/batch (NDJSON)");
    }
}
