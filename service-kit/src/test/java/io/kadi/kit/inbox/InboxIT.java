package io.kadi.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.kit.testapp.KitIntegrationTest;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KitIntegrationTest
class InboxIT {

  @Autowired Inbox inbox;
  @Autowired InboxJanitor janitor;
  @Autowired JdbcClient jdbc;

  @Test
  void aRedeliveredMessageHasNoSecondEffect() {
    String id = UUID.randomUUID().toString();
    AtomicInteger effects = new AtomicInteger();

    assertThat(inbox.processOnce("handler", id, effects::incrementAndGet)).isTrue();
    assertThat(inbox.processOnce("handler", id, effects::incrementAndGet)).isFalse();

    assertThat(effects).hasValue(1);
  }

  @Test
  void eachHandlerProcessesAMessageOnce() {
    String id = UUID.randomUUID().toString();
    AtomicInteger effects = new AtomicInteger();

    assertThat(inbox.processOnce("one", id, effects::incrementAndGet)).isTrue();
    assertThat(inbox.processOnce("two", id, effects::incrementAndGet)).isTrue();

    assertThat(effects).hasValue(2);
  }

  @Test
  void failedEffectsRollBackWithTheInboxRowSoTheRedeliveryRunsThem() {
    String id = UUID.randomUUID().toString();
    UUID key = UUID.randomUUID();

    assertThatThrownBy(() -> inbox.processOnce("handler", id, () -> {
      insertNote(key);
      throw new IllegalStateException("effects failed");
    })).hasMessage("effects failed");
    assertThat(notes(key)).isZero();

    assertThat(inbox.processOnce("handler", id, () -> insertNote(key))).isTrue();
    assertThat(notes(key)).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOfOneMessageRunItsEffectsOnce() throws Exception {
    String id = UUID.randomUUID().toString();
    UUID key = UUID.randomUUID();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> deliveries = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        deliveries.add(pool.submit(() -> {
          start.await();
          return inbox.processOnce("handler", id, () -> insertNote(key));
        }));
      }
      start.countDown();
      int ran = 0;
      for (Future<Boolean> delivery : deliveries) {
        ran += delivery.get() ? 1 : 0;
      }
      assertThat(ran).isEqualTo(1);
    }
    assertThat(notes(key)).isEqualTo(1);
  }

  @Test
  void idsProcessedLongerAgoThanTheRetentionAreForgottenAndOthersKept() {
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    jdbc.sql("insert into inbox (handler, message_id, processed_at) values ('handler', ?, now() - interval '31 days')").param(old).update();
    jdbc.sql("insert into inbox (handler, message_id, processed_at) values ('handler', ?, now() - interval '29 days')").param(recent).update();

    assertThat(janitor.purge()).isPositive();

    assertThat(jdbc.sql("select message_id from inbox where message_id in (?, ?)").params(old, recent).query(String.class).list())
        .containsExactly(recent);
    assertThat(inbox.processOnce("handler", recent, () -> { })).as("still remembered").isFalse();
  }

  private void insertNote(UUID key) {
    jdbc.sql("insert into notes (id, key, text) values (?, ?, 'effect')").params(UUID.randomUUID(), key).update();
  }

  private int notes(UUID key) {
    return jdbc.sql("select count(*) from notes where key = ?").param(key).query(Integer.class).single();
  }
}
