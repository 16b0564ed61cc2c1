package cn.ogi.e2e;

import java.time.Duration;

/** Waiting for stats to have applied the whole change feed (lag 0 against reporting-service, live). */
final class StatsRebuild {

    private StatsRebuild() {}

    static void awaitCaughtUp(Platform platform, String adminToken) {
        Platform.await("stats to catch up with the change feed", Duration.ofMinutes(3), () -> {
            var response = Platform.as(Platform.STATS, adminToken)
                    .queryParam("live", "true")
                    .get("/api/v1/stats/freshness");
            return response.statusCode() == 200
                    && response.jsonPath().getLong("lag") == 0
                    && "live".equals(response.jsonPath().getString("latestSeqSource"));
        });
    }
}
