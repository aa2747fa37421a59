package io.kadi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kadi.kit.testing.Http;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request could leave behind in card-service, to show that a refused one left nothing: every table's rows,
 * the balances and statuses, the outbox and inbox, and the records on the topics card-service writes. Row states are
 * compared by digest, so that a failure names what changed without printing every row.
 */
public final class Traces {

  private final JdbcClient jdbc;

  public Traces(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Asserts that the request is refused with the status and code, as a problem carrying its request id, and that it
   * changed nothing.
   */
  public Http.Response assertRefusedWithoutTrace(Supplier<Http.Response> request, int status, String code) {
    Snapshot before = snapshot();

    Http.Response response = request.get();

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
    assertThat(response.text("request_id")).isNotBlank().isEqualTo(response.header("X-Request-Id"));
    assertThat(snapshot()).isEqualTo(before);
    return response;
  }

  /** The database's state and the topics' record counts. */
  public record Snapshot(Map<String, Object> database, long cardEvents, long authorizationEvents) {}

  /** Taken once the outbox is empty, so that whatever was committed has reached its topic. */
  public Snapshot snapshot() {
    await().until(() -> jdbc.sql("select count(*) from outbox").query(Long.class).single() == 0);
    Map<String, Object> database = jdbc.sql("""
            select (select count(*) from cardholders) as cardholders,
                   (select md5(string_agg(id || kyc_status, ',' order by id)) from cardholders) as kyc_statuses,
                   (select count(*) from cards) as cards,
                   (select md5(string_agg(id || status || available || '/' || held, ',' order by id))
                      from cards) as card_states,
                   (select coalesce(sum(available), 0) from cards) as available,
                   (select coalesce(sum(held), 0) from cards) as held,
                   (select count(*) from fundings) as fundings,
                   (select count(*) from spending_controls) as spending_controls,
                   (select md5(string_agg(subject_id || controls::text, ',' order by subject_id))
                      from spending_controls) as controls,
                   (select count(*) from authorizations) as authorizations,
                   (select md5(string_agg(id || status || held || '/' || captured, ',' order by id))
                      from authorizations) as authorization_states,
                   (select count(*) from outbox) as outbox,
                   (select count(*) from inbox) as inbox""")
        .query().singleRow();
    return new Snapshot(database, TopicProbe.recordCount(Topics.CARD_EVENTS.name()),
        TopicProbe.recordCount(Topics.AUTHORIZATIONS.name()));
  }
}
