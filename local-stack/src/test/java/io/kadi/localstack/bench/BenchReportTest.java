package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BenchReportTest {

  private final BenchReport report = new BenchReport("2026-11-26T12:30:05Z", "2026-11-26T12:33:10Z",
      new BenchReport.Settings("http://localhost:8081", "localhost:9092", 1000, "NGN", List.of(200, 500), 90, 5, 20, 200, 20, 2000),
      new BenchReport.Machine(2, "25.0.1+8-LTS"),
      new FloorResult(200, 20, 372, 160, 4000, 4000, 0, 199.9, new Latency(4000, 1.901, 2.807, 3.503, 11.207)),
      List.of(
          new StepResult(200, 20, 4000, 4000, 0, 2, 3998, 2, Map.of("http_503", 2L), 199.8, 3990, 8, 0,
              Map.of("risk_block", 8L), new Latency(3998, 6.103, 8.207, 9.807, 41.215)),
          new StepResult(500, 20, 10000, 9000, 1000, 40, 9000, 0, Map.of(), 430.2, 0, 9000, 9000,
              Map.of("timeout", 9000L), new Latency(9000, 1502.207, 1509.375, 1603.583, 2101.247))),
      new Summary(3.503, 200, 9.807, 2.8, 200));

  @Test
  void theJsonHoldsEveryFigureUnderSnakeCaseNames() {
    assertThat(JsonMapper.builder().build().readTree(report.json())).isEqualTo(JsonMapper.builder().build().readTree("""
        {
          "started_at": "2026-11-26T12:30:05Z",
          "finished_at": "2026-11-26T12:33:10Z",
          "settings": {"card_service": "http://localhost:8081", "bootstrap_servers": "localhost:9092", "cards": 1000,
            "currency": "NGN", "rates": [200, 500], "jit_warmup_seconds": 90.0, "warmup_seconds": 5.0, "duration_seconds": 20.0, "floor_rate": 200,
            "floor_seconds": 20.0, "max_in_flight": 2000},
          "machine": {"processors": 2, "java": "25.0.1+8-LTS"},
          "floor": {"offered_rate": 200, "seconds": 20.0, "request_bytes": 372, "result_bytes": 160, "sent": 4000,
            "received": 4000, "lost": 0, "achieved_rate": 199.9,
            "latency": {"count": 4000, "p50_ms": 1.901, "p95_ms": 2.807, "p99_ms": 3.503, "max_ms": 11.207}},
          "steps": [
            {"offered_rate": 200, "seconds": 20.0, "scheduled": 4000, "sent": 4000, "dropped": 0, "late": 2,
             "completed": 3998, "errors": 2, "error_kinds": {"http_503": 2}, "achieved_rate": 199.8, "approved": 3990,
             "declined": 8, "stand_in": 0, "decline_reasons": {"risk_block": 8},
             "latency": {"count": 3998, "p50_ms": 6.103, "p95_ms": 8.207, "p99_ms": 9.807, "max_ms": 41.215}},
            {"offered_rate": 500, "seconds": 20.0, "scheduled": 10000, "sent": 9000, "dropped": 1000, "late": 40,
             "completed": 9000, "errors": 0, "error_kinds": {}, "achieved_rate": 430.2, "approved": 0,
             "declined": 9000, "stand_in": 9000, "decline_reasons": {"timeout": 9000},
             "latency": {"count": 9000, "p50_ms": 1502.207, "p95_ms": 1509.375, "p99_ms": 1603.583, "max_ms": 2101.247}}
          ],
          "summary": {"floor_p99_ms": 3.503, "ratio_rate": 200, "pipeline_p99_ms": 9.807, "p99_ratio": 2.8,
            "max_sustained_rate": 200}
        }"""));
  }

  @Test
  void theJsonSaysNullWhereThereIsNoFigure() {
    BenchReport none = new BenchReport(report.startedAt(), report.finishedAt(), report.settings(), report.machine(),
        report.floor(), List.of(), new Summary(3.503, 200, null, null, null));

    assertThat(JsonMapper.builder().build().readTree(none.json()).path("summary").toString())
        .isEqualTo("{\"floor_p99_ms\":3.503,\"ratio_rate\":200,\"pipeline_p99_ms\":null,\"p99_ratio\":null,\"max_sustained_rate\":null}");
  }

  @Test
  void theTableHasALinePerStepAfterTheFloorsAndTheFiguresOfTheIssue() {
    assertThat(report.table()).isEqualTo("""
        Kadi authorization benchmark, 2026-11-26T12:30:05Z: 1000 NGN cards, 2 processors, Java 25.0.1+8-LTS

                          offered   achieved    p50 ms    p95 ms    p99 ms    max ms       ok  errors  dropped    late  approved  declined  stand-in
        transport floor     200/s    199.9/s      1.90      2.81      3.50     11.21     4000       0        -       -         -         -         -
        pipeline            200/s    199.8/s      6.10      8.21      9.81     41.22     3998       2        0       2      3990         8         0
        pipeline            500/s    430.2/s   1502.21   1509.38   1603.58   2101.25     9000       0     1000      40         0      9000      9000

        The floor: 2 Kafka hops, records of 372 then 160 bytes; its errors are records lost.
        At 200/s, declined: risk_block 8
        At 200/s, errors: http_503 2
        At 500/s, declined: timeout 9000
        p99 at 200/s: pipeline 9.81 ms = 2.80 x the floor's 3.50 ms (target: at most 3 x).
        Max sustained rate: 200/s (achieved >= 95% of offered, p99 < 100 ms, no stand-ins; target 1000/s, stretch 2000/s).
        """);
  }
}
