package cn.ogi.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** The read endpoints of the three services and, for each parameter, a pool of good, bad and hostile values. */
final class ParameterPools {

    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "abc",
            "-1",
            "0",
            "1.5",
            "1e3",
            "99999999999999999999",
            "-2147483649",
            "NaN",
            "null",
            "true",
            "%00",
            "\u0000",
            "\u0001x",
            "' OR 1=1 --",
            "<script>",
            "ｙｅａｒ",
            "２０２３",
            "0x7E7",
            "2023 ",
            "+2023",
            "${x}",
            "../../etc",
            "x".repeat(3000),
            "名".repeat(50));

    private ParameterPools() {}

    record Endpoint(String label, int port, Function<Random, String> pathMaker) {

        String path(Random r) {
            return pathMaker.apply(r);
        }
    }

    static String year(Random r) {
        return pick(r, List.of("2021", "2022", "2023", "2024", "1999", "2101", "2020", "2019"));
    }

    static String code(Random r) {
        return pick(
                r,
                List.of(
                        "370000",
                        "370100",
                        "370181",
                        "371500",
                        "110000",
                        "37010",
                        "3701000",
                        "999999",
                        "11370181000000001X"));
    }

    private static String pick(Random r, List<String> good) {
        return r.nextInt(3) == 0 ? HOSTILE.get(r.nextInt(HOSTILE.size())) : good.get(r.nextInt(good.size()));
    }

    /** A query string from (name, pool) pairs, each parameter present with probability 2/3. */
    private static String query(Random r, Object... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (r.nextInt(3) != 0) {
                @SuppressWarnings("unchecked")
                Function<Random, String> pool = (Function<Random, String>) pairs[i + 1];
                parts.add(pairs[i] + "=" + enc(pool.apply(r)));
            }
        }
        if (r.nextInt(10) == 0) {
            parts.add(enc(HOSTILE.get(r.nextInt(HOSTILE.size()))) + "=1"); // an unknown or hostile name
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Function<Random, String> of(String... good) {
        return r -> pick(r, List.of(good));
    }

    /** Mostly one year or one span, as dashboards ask; now and then both (a 400), rarely neither. */
    private static String statsQuery(
            Random r,
            Function<Random, String> code,
            Function<Random, String> year,
            Function<Random, String> groupBy,
            Function<Random, String> page,
            Function<Random, String> size) {
        Function<Random, String> rule = of("APP-BALANCE", "NOPE");
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> query(r, "jurisdiction", code, "from", year, "to", year, "groupBy", groupBy);
            case 3 ->
                query(r, "jurisdiction", code, "year", year, "from", year, "to", year, "page", page, "rule", rule);
            default ->
                "?year=" + enc(year.apply(r))
                        + query(r, "jurisdiction", code, "groupBy", groupBy, "page", page, "size", size, "rule", rule)
                                .replaceFirst("^\\?", "&");
        };
    }

    static List<Endpoint> endpoints(List<String> agencies) {
        Function<Random, String> agency = r -> r.nextInt(4) == 0 ? code(r) : agencies.get(r.nextInt(agencies.size()));
        Function<Random, String> page = of("0", "1", "2", "100");
        Function<Random, String> size = of("1", "10", "50", "500", "501");
        Function<Random, String> number = of("1", "2", "3", "0", "-1");
        Function<Random, String> groupBy = of("child", "agency", "year", "applicantType", "county");
        Function<Random, String> time = of("2026-01-01T00:00:00+08:00", "2020-01-01T00:00:00Z", "yesterday");
        Function<Random, String> yearParam = ParameterPools::year;
        Function<Random, String> codeParam = ParameterPools::code;
        List<Endpoint> list = new ArrayList<>();
        int reporting = Platform.REPORTING;
        int intake = Platform.INTAKE;
        int stats = Platform.STATS;
        list.add(new Endpoint(
                "reporting /jurisdictions",
                reporting,
                r -> "/api/v1/jurisdictions"
                        + query(
                                r,
                                "parent",
                                codeParam,
                                "level",
                                of("province", "city", "county", "town"),
                                "page",
                                page,
                                "size",
                                size)));
        list.add(new Endpoint(
                "reporting /jurisdictions/{code}", reporting, r -> "/api/v1/jurisdictions/" + enc(code(r))));
        list.add(new Endpoint(
                "reporting /agencies",
                reporting,
                r -> "/api/v1/agencies"
                        + query(
                                r,
                                "jurisdiction",
                                codeParam,
                                "kind",
                                of("department", "government", "ngo"),
                                "year",
                                yearParam,
                                "page",
                                page,
                                "size",
                                size)));
        list.add(
                new Endpoint("reporting /agencies/{code}", reporting, r -> "/api/v1/agencies/" + enc(agency.apply(r))));
        list.add(new Endpoint(
                "reporting /reports",
                reporting,
                r -> "/api/v1/reports"
                        + query(
                                r,
                                "jurisdiction",
                                codeParam,
                                "year",
                                yearParam,
                                "status",
                                of("open", "approved", "x"),
                                "hasFindings",
                                of("true", "false", "yes"),
                                "page",
                                page,
                                "size",
                                size)));
        list.add(new Endpoint("reporting /reports/{agency}/{year}[/versions[/{n}]|/diff]", reporting, r -> {
            String base = "/api/v1/reports/" + enc(agency.apply(r)) + "/" + enc(year(r));
            return switch (r.nextInt(4)) {
                case 0 -> base;
                case 1 -> base + "/versions";
                case 2 -> base + "/versions/" + enc(number.apply(r));
                default -> base + "/diff" + query(r, "from", number, "to", number);
            };
        }));
        list.add(new Endpoint(
                "reporting /changes",
                reporting,
                r -> "/api/v1/changes"
                        + query(
                                r,
                                "after",
                                of("0", "10", "-5", "9223372036854775807"),
                                "limit",
                                of("1", "500", "1001"),
                                "types",
                                of("agency.upserted", "report.version.created,agency.upserted", "nope"))));
        Function<Random, String> audit = r -> "/api/v1/audit"
                + query(
                        r,
                        "subject",
                        of("fuzz-system", "e2e-admin"),
                        "action",
                        of("submission.accepted", "x"),
                        "targetKey",
                        of("-", "370181"),
                        "from",
                        time,
                        "to",
                        time,
                        "page",
                        page,
                        "size",
                        size);
        list.add(new Endpoint("reporting /audit", reporting, audit));
        list.add(new Endpoint("intake /audit", intake, audit));
        list.add(new Endpoint("stats /audit", stats, audit));
        list.add(new Endpoint(
                "intake /submissions/{id}",
                intake,
                r -> "/api/v1/submissions/"
                        + enc(pick(
                                r,
                                List.of(
                                        "00000000-0000-0000-0000-000000000000",
                                        "not-a-uuid",
                                        java.util.UUID.randomUUID().toString())))));
        for (String query : List.of("applications", "outcomes", "reviews", "fees", "completeness", "quality")) {
            list.add(new Endpoint(
                    "stats /stats/" + query,
                    stats,
                    r -> "/api/v1/stats/" + query + statsQuery(r, codeParam, yearParam, groupBy, page, size)));
        }
        list.add(new Endpoint(
                "stats /stats/freshness",
                stats,
                r -> "/api/v1/stats/freshness" + query(r, "live", of("true", "false", "maybe"))));
        return list;
    }
}
