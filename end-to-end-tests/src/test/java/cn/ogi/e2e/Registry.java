package cn.ogi.e2e;

import cn.ogi.form.identity.CreditCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers jurisdictions and agencies in reporting-service through its CSV import, as an admin. */
public final class Registry {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final String HEADER = "record,code,name,kind,parent,reportsFrom,reportsUntil\n";
    /** Shandong with two cities (Jinan, Liaocheng) and a county of each, the tree every test hangs on. */
    private static final String TREE = """
            jurisdiction,370000,山东省,,,,
            jurisdiction,370100,济南市,,370000,,
            jurisdiction,370102,历下区,,370100,,
            jurisdiction,371500,聊城市,,370000,,
            jurisdiction,371502,东昌府区,,371500,,
            """;

    private Registry() {}

    static String newAgencyCode(String division) {
        String first17 = "11" + division + String.format("%09d", SEQUENCE.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** Registers {@code count} new departments in {@code division} (and the tree) and returns their codes. */
    public static List<String> newAgencies(Platform platform, String division, int count) {
        List<String> codes = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append(TREE);
        for (int i = 0; i < count; i++) {
            String code = newAgencyCode(division);
            codes.add(code);
            csv.append("agency,")
                    .append(code)
                    .append(",端到端测试局")
                    .append(code, 8, 17)
                    .append(",department,")
                    .append(division)
                    .append(",,\n");
        }
        platform.reportingAsAdmin()
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/v1/registry/import")
                .then()
                .statusCode(200);
        return codes;
    }

    /** Registers the tree alone (idempotent). */
    static void ensureTree(Platform platform) {
        newAgencies(platform, "370000", 0);
    }

    static String newAgency(Platform platform, String division) {
        return newAgencies(platform, division, 1).get(0);
    }
}
