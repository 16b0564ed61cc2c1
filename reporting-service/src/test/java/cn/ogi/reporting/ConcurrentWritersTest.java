package cn.ogi.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.ReportBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentWritersTest {

    static final int WRITERS = 50;

    @Test
    void parallelCorrectionsOfOneReportGetGaplessDistinctVersions() throws Exception {
        TestRegistry.ensureLiaocheng();
        String agency = TestRegistry.newAgency("371500");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            AnnualReport distinct = ReportBuilder.from(
                            TestReports.balanced2021(agency, 2023).build())
                    .cell("activeDisclosure.punishment.decisions", 1000 + i)
                    .correctionReason("writer " + i)
                    .build();
            statuses.add(pool.submit(() -> {
                start.await();
                return TestReports.deliver(distinct).extract().statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertEquals(201, status.get());
        }
        pool.shutdown();

        List<Integer> versions = given().get("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("version", Integer.class);
        assertEquals(IntStream.rangeClosed(1, WRITERS).boxed().toList(), versions);

        List<Integer> punishments = given()
                .get("/api/v1/reports/" + agency + "/2023/versions")
                .then()
                .extract()
                .jsonPath()
                .getList("correctionReason", String.class)
                .stream()
                .skip(1)
                .map(reason -> Integer.parseInt(reason.substring("writer ".length())))
                .distinct()
                .toList();
        assertEquals(WRITERS - 1, punishments.size(), "every correction is a different writer's");

        List<Integer> fedVersions = ChangeFeedReplay.readAll().stream()
                .filter(e ->
                        e.type().equals("report.version.created") && e.key().equals(agency + "/2023"))
                .map(e -> e.payload().get("version").asInt())
                .toList();
        assertEquals(versions, fedVersions, "the change feed carries the versions in order");
    }
}
