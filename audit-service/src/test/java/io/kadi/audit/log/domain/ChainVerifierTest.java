package io.kadi.audit.log.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.audit.log.domain.Verification.Breach;
import io.kadi.audit.log.domain.Verification.Broken;
import io.kadi.audit.log.domain.Verification.Intact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void anEmptyLogIsIntact() {
    assertThat(ChainVerifier.verify(List.<ChainEntry>of().iterator(), ChainHead.genesis("kadi")))
        .isEqualTo(new Intact(0, 0, Hash.ZERO));
  }

  @Test
  void aChainAsAppendedIsIntactUpToItsHead() {
    List<ChainEntry> chain = chainOf(5);

    assertThat(verify(chain)).isEqualTo(new Intact(5, 5, chain.get(4).hash()));
  }

  @Test
  void anEntryChangedAfterItWasWrittenBreaksItsOwnHash() {
    List<ChainEntry> chain = chainOf(5);
    chain.set(2, withPayload(chain.get(2), "{\"forged\":true}"));

    assertThat(verify(chain)).isEqualTo(new Broken(3, 3, Breach.HASH_MISMATCH));
  }

  @Test
  void anEntryChangedAndRehashedNoLongerLinksToTheNext() {
    List<ChainEntry> chain = chainOf(5);
    ChainEntry forged = withPayload(chain.get(2), "{\"forged\":true}");
    chain.set(2, new ChainEntry(3, "kadi", forged.record(), forged.recordedAt(), forged.previousHash(), forged.computedHash()));

    assertThat(verify(chain)).isEqualTo(new Broken(4, 4, Breach.PREVIOUS_HASH_MISMATCH));
  }

  @Test
  void aRemovedEntryIsAGapAtItsSequence() {
    List<ChainEntry> chain = chainOf(5);
    chain.remove(1);

    assertThat(verify(chain)).isEqualTo(new Broken(2, 2, Breach.SEQUENCE_GAP));
  }

  @Test
  void entriesRemovedFromTheEndDisagreeWithTheHead() {
    List<ChainEntry> chain = chainOf(5);
    ChainHead head = chain.get(4).asHead();

    assertThat(ChainVerifier.verify(chain.subList(0, 3).iterator(), head)).isEqualTo(new Broken(3, 4, Breach.HEAD_MISMATCH));
  }

  @Test
  void anEntryAppendedWithoutMovingTheHeadDisagreesWithIt() {
    List<ChainEntry> chain = chainOf(5);

    assertThat(ChainVerifier.verify(chain.iterator(), chain.get(2).asHead())).isEqualTo(new Broken(5, 4, Breach.HEAD_MISMATCH));
  }

  @Test
  void aHeadWithAnotherHashForTheLastEntryDisagreesAtThatEntry() {
    List<ChainEntry> chain = chainOf(3);
    ChainHead head = new ChainHead("kadi", 3, chain.get(1).hash());

    assertThat(ChainVerifier.verify(chain.iterator(), head)).isEqualTo(new Broken(3, 3, Breach.HEAD_MISMATCH));
  }

  @Test
  void entriesUnderAMissingHeadAreUnaccountedForFromTheFirst() {
    assertThat(ChainVerifier.verify(chainOf(2).iterator(), ChainHead.genesis("kadi"))).isEqualTo(new Broken(2, 1, Breach.HEAD_MISMATCH));
  }

  @Test
  void anEntryThatNoLongerReadsAsOneBreaksTheChainAtItsSequence() {
    List<ChainEntry> chain = chainOf(5);
    List<StoredEntry> stored = new ArrayList<>(chain);
    stored.set(2, new UnreadableEntry(3, "subject_ids is not a JSON object"));

    assertThat(ChainVerifier.verify(stored.iterator(), chain.getLast().asHead())).isEqualTo(new Broken(3, 3, Breach.UNREADABLE_ENTRY));
  }

  @Test
  void anEntryMissingBeforeAnUnreadableOneIsTheFirstBreach() {
    List<ChainEntry> chain = chainOf(5);
    List<StoredEntry> stored = new ArrayList<>(chain);
    stored.set(2, new UnreadableEntry(3, "payload is null"));
    stored.remove(1);

    assertThat(ChainVerifier.verify(stored.iterator(), chain.getLast().asHead())).isEqualTo(new Broken(2, 2, Breach.SEQUENCE_GAP));
  }

  @Test
  void aTailRewrittenTogetherWithTheHeadCannotBeDetectedFromTheDatabaseAlone() {
    // Why the chain is also published: only a copy of the hashes outside the database reveals this.
    List<ChainEntry> chain = chainOf(5);
    List<ChainEntry> rewritten = new ArrayList<>(chain.subList(0, 3));
    rewritten.add(ChainEntry.following(rewritten.get(2).asHead(), record("{\"forged\":true}"), NOW));

    assertThat(ChainVerifier.verify(rewritten.iterator(), rewritten.get(3).asHead()))
        .isEqualTo(new Intact(4, 4, rewritten.get(3).hash()))
        .isNotEqualTo(verify(chain));
  }

  private static Verification verify(List<ChainEntry> chain) {
    return ChainVerifier.verify(chain.iterator(), chain.getLast().asHead());
  }

  private static List<ChainEntry> chainOf(int length) {
    List<ChainEntry> chain = new ArrayList<>();
    ChainHead head = ChainHead.genesis("kadi");
    for (int i = 0; i < length; i++) {
      ChainEntry entry = ChainEntry.following(head, record("{\"n\":" + i + "}"), NOW.plusSeconds(i));
      chain.add(entry);
      head = entry.asHead();
    }
    return chain;
  }

  private static AuditedRecord record(String payload) {
    SampleEntry sample = new SampleEntry();
    sample.eventId = UUID.randomUUID();
    sample.payload = payload;
    return sample.record();
  }

  private static ChainEntry withPayload(ChainEntry entry, String payload) {
    AuditedRecord r = entry.record();
    AuditedRecord changed = new AuditedRecord(r.eventId(), r.eventType(), r.source(), r.occurredAt(), r.mode(),
        r.actorClientId(), r.requestId(), r.subjectIds(), payload);
    return new ChainEntry(entry.sequence(), entry.chainId(), changed, entry.recordedAt(), entry.previousHash(), entry.hash());
  }
}
