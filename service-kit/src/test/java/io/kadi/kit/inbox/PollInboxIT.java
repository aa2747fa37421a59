package io.kadi.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kadi.kit.testapp.KitIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** A poll as a batch listener receives it: records of several keys, each value naming its message id. */
@KitIntegrationTest
class PollInboxIT {

  private static final String HANDLER = "poll-test";

  @Autowired PollInbox polls;
  @Autowired JdbcClient jdbc;

  /** The effect of each record: a note, with the transaction it ran in, in the order the records were handled. */
  private final List<String> handled = new ArrayList<>();
  private final List<Long> transactions = new ArrayList<>();

  @Test
  void aPollCommitsInOneTransactionInKeyOrderKeepingEachKeysOrder() {
    String b1 = newId();
    String a1 = newId();
    String b2 = newId();
    String a2 = newId();

    polls.processAll(HANDLER, List.of(record("b", b1), record("a", a1), record("b", b2), record("a", a2)), this::message);

    assertThat(handled).containsExactly(a1, a2, b1, b2);
    assertThat(transactions).hasSize(4).containsOnly(transactions.getFirst());
    assertThat(notes(a1, a2, b1, b2)).isEqualTo(4);
  }

  @Test
  void aLargePollIsHandledInTransactionsOfBoundedSizeInItsOrder() {
    int size = 2 * PollInbox.MAX_PER_TRANSACTION + 5;
    List<ConsumerRecord<String, String>> poll = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      poll.add(record("k", newId()));
    }

    polls.processAll(HANDLER, poll, this::message);

    assertThat(handled).containsExactlyElementsOf(poll.stream().map(ConsumerRecord::value).toList());
    assertThat(transactions.stream().distinct().count()).isEqualTo(3);
    assertThat(transactions.subList(0, PollInbox.MAX_PER_TRANSACTION)).containsOnly(transactions.getFirst());
  }

  @Test
  void aFailureInALaterTransactionIsNamedByItsIndexInThePoll() {
    List<ConsumerRecord<String, String>> poll = new ArrayList<>();
    for (int i = 0; i < PollInbox.MAX_PER_TRANSACTION + 3; i++) {
      poll.add(record("k", i == PollInbox.MAX_PER_TRANSACTION + 1 ? "fail-" + newId() : newId()));
    }

    BatchListenerFailedException thrown = catchThrowableOfType(BatchListenerFailedException.class,
        () -> polls.processAll(HANDLER, poll, this::message));

    assertThat(thrown.getIndex()).isEqualTo(PollInbox.MAX_PER_TRANSACTION + 1);
    assertThat(notes(poll.subList(0, PollInbox.MAX_PER_TRANSACTION + 1).stream().map(ConsumerRecord::value).toArray(String[]::new)))
        .isEqualTo(PollInbox.MAX_PER_TRANSACTION + 1);
    assertThat(notes(poll.getLast().value())).isZero();
  }

  @Test
  void aGivenLockOrderIsFollowedAndEachKeyKeepsItsOrder() {
    List<ConsumerRecord<String, String>> poll = List.of(record("a", "2-" + newId()), record("b", "1-" + newId()),
        record("a", "2-" + newId()), record("c", "3-" + newId()));
    // As limits-service orders by cardholder: here the value's first character, which all records of a key share.
    Comparator<ConsumerRecord<String, String>> byValuePrefix = Comparator.comparing(r -> r.value().charAt(0));

    polls.processAll(HANDLER, poll, byValuePrefix, this::message);

    assertThat(handled).containsExactly(poll.get(1).value(), poll.get(0).value(), poll.get(2).value(), poll.get(3).value());
    assertThat(transactions).containsOnly(transactions.getFirst());
  }

  @Test
  void aRecordRedeliveredInThePollOrAfterItHasNoSecondEffect() {
    String id = newId();
    String other = newId();

    polls.processAll(HANDLER, List.of(record("k", id), record("k", other), record("k", id)), this::message);
    polls.processAll(HANDLER, List.of(record("k", id), record("k", other)), this::message);

    assertThat(handled).containsExactly(id, other);
    assertThat(notes(id, other)).isEqualTo(2);
  }

  @Test
  void whenThePollFailsTheRecordsBeforeTheFailingOneCommitAndItIsNamed() {
    String first = newId();
    String second = newId();
    String failing = "fail-" + newId();
    String after = newId();

    BatchListenerFailedException thrown = catchThrowableOfType(BatchListenerFailedException.class, () -> polls.processAll(
        HANDLER, List.of(record("z", first), record("a", second), record("m", failing), record("b", after)), this::message));

    assertThat(thrown.getIndex()).isEqualTo(2);
    assertThat(thrown.getCause()).hasMessage("cannot handle " + failing);
    assertThat(notes(first, second)).isEqualTo(2);
    assertThat(notes(failing, after)).isZero();
    assertThat(inboxRows(first, second, failing, after)).isEqualTo(2);

    // The error handler delivers the failing record and those after it again; once it passes, they commit.
    handled.clear();
    polls.processAll(HANDLER, List.of(record("b", after)), this::message);
    assertThat(handled).containsExactly(after);
  }

  @Test
  void aRecordThatCouldNotBeReadIsNamedAfterTheRecordsBeforeItCommit() {
    String before = newId();
    String after = newId();
    ConsumerRecord<String, String> unreadable = record("k", null);
    // What ErrorHandlingDeserializer leaves of a record its delegate could not read: no value, and the failure in a header.
    SerializationUtils.deserializationException(unreadable.headers(), "junk".getBytes(StandardCharsets.UTF_8),
        new IllegalStateException("not avro"), false);

    BatchListenerFailedException thrown = catchThrowableOfType(BatchListenerFailedException.class, () -> polls.processAll(
        HANDLER, List.of(record("k", before), unreadable, record("k", after)), this::message));

    assertThat(thrown.getIndex()).isEqualTo(1);
    assertThat(thrown.getCause()).isInstanceOf(DeserializationException.class).hasRootCauseMessage("not avro");
    assertThat(handled).containsExactly(before);
    assertThat(notes(before)).isEqualTo(1);
  }

  @Test
  void aRecordThatComesToNothingLeavesNoInboxRowAndTheOthersAreHandled() {
    String ignored = "ignore-" + newId();
    String kept = newId();

    polls.processAll(HANDLER, List.of(record("k", ignored), record("k", kept)),
        id -> id.startsWith("ignore-") ? PollInbox.Message.NOTHING : message(id));

    assertThat(handled).containsExactly(kept);
    assertThat(inboxRows(ignored)).isZero();
    assertThat(inboxRows(kept)).isEqualTo(1);
  }

  private PollInbox.Message message(String id) {
    return new PollInbox.Message(id, () -> {
      if (id.startsWith("fail-")) {
        throw new IllegalStateException("cannot handle " + id);
      }
      jdbc.sql("insert into notes (id, key, text) values (?, ?, ?)").params(UUID.randomUUID(), UUID.randomUUID(), id).update();
      transactions.add(jdbc.sql("select txid_current()").query(Long.class).single());
      handled.add(id);
    });
  }

  private static ConsumerRecord<String, String> record(String key, String messageId) {
    return new ConsumerRecord<>("poll-test", 0, 0, key, messageId);
  }

  private int notes(String... ids) {
    return jdbc.sql("select count(*) from notes where text = any(?)").param(ids).query(Integer.class).single();
  }

  private int inboxRows(String... ids) {
    return jdbc.sql("select count(*) from inbox where handler = ? and message_id = any(?)").params(HANDLER, ids)
        .query(Integer.class).single();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
