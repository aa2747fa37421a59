package io.kadi.audit.log.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedEventTest {

  private final SampleEntry sample = new SampleEntry();
  private final LoggedEvent logged = new LoggedEvent(7, sample.eventType, sample.payload);

  @Test
  void aCopyReadAtAnotherOffsetOfAnotherPartitionIsTheSameRecord() {
    SampleEntry republished = new SampleEntry();
    republished.partition = 5;
    republished.offset = 4_242;

    assertThat(logged.isSameRecordAs(republished.record())).isTrue();
  }

  @Test
  void aRecordWithAnotherPayloadIsAnotherRecord() {
    SampleEntry reusingTheId = new SampleEntry();
    reusingTheId.payload = sample.payload.replace("carte égarée", "carte volée");

    assertThat(logged.isSameRecordAs(reusingTheId.record())).isFalse();
  }

  @Test
  void aRecordOfAnotherTypeIsAnotherRecordEvenWithTheSameJsonEncoding() {
    SampleEntry reusingTheId = new SampleEntry();
    reusingTheId.eventType = "io.kadi.events.card.v1.CardUnfrozen";

    assertThat(logged.isSameRecordAs(reusingTheId.record())).isFalse();
  }
}
