package io.kadi.audit.log.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChainEntryTest {

  @Test
  void hashesTheDocumentedCanonicalFormAsTheTestVectorSays() {
    // Computed independently, with the Python snippet of docs/audit-log.md (the first also with printf and sha256sum).
    ChainEntry first = new SampleEntry().entry();
    SampleEntry second = new SampleEntry();
    second.sequence = 2;
    second.previousHash = first.hash();
    second.offset = 43;
    second.eventId = UUID.fromString("0191e7a4-0000-7000-8000-000000000002");
    second.subjectIds = Map.of("commandId", "cmd-7", "cardId", "0191e7a4-0000-7000-8000-00000000000c");

    assertThat(first.hash().hex()).isEqualTo("b8d9023d24b7255cbf41f5f55934b83908e49e0379ad090fbe2e7611fe0270ed");
    assertThat(second.entry().hash().hex()).isEqualTo("8616a09131952fb404c18045a5abc09e0d2cd88a5fe7037000c81a51ec64147a");
  }

  @Test
  void writesEachFieldLengthPrefixedInUtf8BytesInTheDocumentedOrder() {
    SampleEntry sample = new SampleEntry();
    sample.subjectIds = Map.of("cardId", "c-1", "cardholderId", "h-1");
    sample.payload = "{\"reason\":\"égarée\"}";

    assertThat(canonical(sample)).isEqualTo("""
        1:1
        4:kadi
        19:kadi.card-events.v1
        1:3
        2:42
        36:0191e7a4-0000-7000-8000-000000000001
        33:io.kadi.events.card.v1.CardFrozen
        27:2026-03-01T09:15:30.123000Z
        27:2026-03-01T09:15:30.456789Z
        7:sandbox
        8:client-1
        5:req-1
        1:2
        6:cardId
        3:c-1
        12:cardholderId
        3:h-1
        21:{"reason":"égarée"}
        """);
  }

  @Test
  void writesNoSubjectIdsAsACountOfZero() {
    SampleEntry sample = new SampleEntry();
    sample.subjectIds = Map.of();

    assertThat(canonical(sample)).contains("\n5:req-1\n1:0\n148:{");
  }

  @Test
  void aSubjectIdHoldingCommasOrEqualsSignsCannotPassForOtherSubjectIds() {
    // Joined as key=value pairs with ",", each of these pairs was the same text, so the same hash.
    assertThat(hashWithSubjectIds(Map.of("a", "1,b=2"))).isNotEqualTo(hashWithSubjectIds(Map.of("a", "1", "b", "2")));
    assertThat(hashWithSubjectIds(Map.of("a", "b=c"))).isNotEqualTo(hashWithSubjectIds(Map.of("a=b", "c")));
  }

  @Test
  void subjectIdsAreWrittenInJavasStringOrderOfTheirKeysWhicheverOrderTheyCameIn() {
    // U+1F600 is the UTF-16 surrogates D83D DE00, which sort before U+FB01 although its code point is greater.
    TreeMap<String, String> reversed = new TreeMap<>(Comparator.reverseOrder());
    reversed.putAll(Map.of("\uFB01Id", "ligature", "\uD83D\uDE00Id", "emoji", "cardId", "ascii"));
    SampleEntry sample = new SampleEntry();

    byte[] canonical = CanonicalForm.of(1, "kadi", withSubjectIds(sample, reversed), sample.recordedAt);

    assertThat(new String(canonical, UTF_8))
        .contains("\n1:3\n6:cardId\n5:ascii\n6:\uD83D\uDE00Id\n5:emoji\n5:\uFB01Id\n8:ligature\n");
  }

  @Test
  void theFirstEntryLinksToThirtyTwoZeroBytes() {
    ChainEntry first = ChainEntry.following(ChainHead.genesis("kadi"), new SampleEntry().record(), Instant.now());

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousHash().bytes()).isEqualTo(new byte[32]);
    assertThat(first.hash()).isEqualTo(first.computedHash());
  }

  @Test
  void eachEntryFollowsTheHeadItWasAppendedTo() {
    ChainEntry first = new SampleEntry().entry();
    ChainEntry second = ChainEntry.following(first.asHead(), new SampleEntry().record(), Instant.now());

    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).isNotEqualTo(first.hash());
  }

  @Test
  void recordsTheTimeAtMicrosecondsAsPostgresqlStoresIt() {
    SampleEntry sample = new SampleEntry();
    sample.recordedAt = Instant.parse("2026-03-01T09:15:30.456789999Z");
    ChainEntry entry = sample.entry();

    assertThat(entry.recordedAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30.456789Z"));
    assertThat(entry.hash()).isEqualTo(new SampleEntry().entry().hash());
  }

  @Test
  void movingTextAcrossAFieldBoundaryChangesTheHash() {
    SampleEntry split = new SampleEntry();
    split.actorClientId = "client-1r";
    split.requestId = "eq-1";

    assertThat(split.entry().hash()).isNotEqualTo(new SampleEntry().entry().hash());
  }

  private static String canonical(SampleEntry sample) {
    return new String(CanonicalForm.of(sample.sequence, sample.chainId, sample.record(), sample.recordedAt), UTF_8);
  }

  private static Hash hashWithSubjectIds(Map<String, String> subjectIds) {
    SampleEntry sample = new SampleEntry();
    sample.subjectIds = subjectIds;
    return sample.entry().hash();
  }

  /** The sample's record with the ids as given, not copied into a map of the test's choosing first. */
  private static AuditedRecord withSubjectIds(SampleEntry sample, SortedMap<String, String> subjectIds) {
    AuditedRecord record = sample.record();
    return new AuditedRecord(record.eventId(), record.eventType(), record.source(), record.occurredAt(), record.mode(),
        record.actorClientId(), record.requestId(), subjectIds, record.payload());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneFieldChanged")
  void changingAnyOneFieldChangesTheHash(String field, Consumer<SampleEntry> change) {
    SampleEntry changed = new SampleEntry();
    change.accept(changed);

    assertThat(changed.entry().hash()).isNotEqualTo(new SampleEntry().entry().hash());
  }

  static Stream<Arguments> oneFieldChanged() {
    return Stream.of(
        arguments("sequence", (Consumer<SampleEntry>) e -> e.sequence = 2),
        arguments("chain_id", (Consumer<SampleEntry>) e -> e.chainId = "kadi-2"),
        arguments("previous_hash", (Consumer<SampleEntry>) e -> e.previousHash = new Hash(HexFormat.of().parseHex("01".repeat(32)))),
        arguments("source_topic", (Consumer<SampleEntry>) e -> e.topic = "kadi.card-commands.v1"),
        arguments("source_partition", (Consumer<SampleEntry>) e -> e.partition = 4),
        arguments("source_offset", (Consumer<SampleEntry>) e -> e.offset = 43),
        arguments("event_id", (Consumer<SampleEntry>) e -> e.eventId = UUID.fromString("0191e7a4-0000-7000-8000-000000000002")),
        arguments("event_type", (Consumer<SampleEntry>) e -> e.eventType = "io.kadi.events.card.v1.CardUnfrozen"),
        arguments("occurred_at", (Consumer<SampleEntry>) e -> e.occurredAt = e.occurredAt.plusMillis(1)),
        arguments("recorded_at", (Consumer<SampleEntry>) e -> e.recordedAt = e.recordedAt.plusNanos(1_000)),
        arguments("mode", (Consumer<SampleEntry>) e -> e.mode = "live"),
        arguments("actor_client_id", (Consumer<SampleEntry>) e -> e.actorClientId = "client-2"),
        arguments("request_id", (Consumer<SampleEntry>) e -> e.requestId = "req-2"),
        arguments("subject_ids", (Consumer<SampleEntry>) e -> e.subjectIds = Map.of("cardId", "0191e7a4-0000-7000-8000-00000000000d")),
        arguments("payload", (Consumer<SampleEntry>) e -> e.payload = e.payload.replace("égarée", "volée")));
  }
}
