package io.kadi.risk.scoring.kafka;

import static io.kadi.risk.testing.RiskOutputs.alert;
import static io.kadi.risk.testing.RiskOutputs.alertsWithoutIds;
import static io.kadi.risk.testing.RiskOutputs.assertCausedBy;
import static io.kadi.risk.testing.RiskOutputs.assessed;
import static io.kadi.risk.testing.RiskOutputs.freeze;
import static io.kadi.risk.testing.RiskOutputs.freezesWithoutMetadata;
import static io.kadi.risk.testing.RiskOutputs.rule;
import static io.kadi.risk.testing.RiskOutputs.withoutMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.risk.v1.FiredRule;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.testing.TestProducer;
import io.kadi.risk.testing.RiskOutputs;
import io.kadi.risk.testing.RiskServiceTest;
import io.kadi.risk.testing.TestCard;
import io.kadi.schemas.topics.Topics;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Card testing as docs/risk.md documents it: 10 authorizations under 1.00 of their currency within 5 minutes. */
@RiskServiceTest
class CardTestingIT {

  private static final String AUTHORIZATIONS = Topics.AUTHORIZATIONS.name();
  /** 13:00 in Lagos. */
  private static final Instant MIDDAY = Instant.parse("2026-03-10T12:00:00Z");
  /** 02:00 in Lagos. */
  private static final Instant NIGHT = Instant.parse("2026-03-10T01:00:00Z");

  @Test
  void theTenthAuthorizationUnderOneNairaWithinFiveMinutesFiresCardTestingAndRaisesAReviewAlert() {
    TestCard card = TestCard.nigerian();
    List<AuthorizationRequested> requests = smallRequests(card, MIDDAY, 10);
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      requests.forEach(request -> producer.publish(AUTHORIZATIONS, card.key(), request));

      List<RiskAssessed> assessed = outputs.assessments(card, 10);
      List<Alert> alerts = outputs.alerts(card, 1);

      List<RiskAssessed> expected = new ArrayList<>(requests.subList(0, 9).stream().map(r -> assessed(r, 0, RiskAction.allow)).toList());
      expected.add(assessed(requests.get(9), 60, RiskAction.review, cardTesting(10)));
      assertThat(withoutMetadata(assessed)).containsExactlyElementsOf(expected);
      assertThat(alertsWithoutIds(alerts)).containsExactly(
          alert(requests.get(9), "risk_review", AlertSeverity.warning, 60, "flagged for review", "card_testing"));
      IntStream.range(0, 10).forEach(i -> assertCausedBy(assessed.get(i).getMetadata(), requests.get(i)));
      assertCausedBy(alerts.getFirst().getMetadata(), requests.get(9));
    }
  }

  @Test
  void cardTestingAtNightIsBlockedAndFreezesTheCardOnceHoweverOftenTheRecordIsDelivered() {
    TestCard card = TestCard.nigerian();
    List<AuthorizationRequested> requests = smallRequests(card, NIGHT, 11);
    AuthorizationRequested tenth = requests.get(9);
    AuthorizationRequested eleventh = requests.get(10);
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      requests.subList(0, 10).forEach(request -> producer.publish(AUTHORIZATIONS, card.key(), request));
      // As Kafka redelivers after a rebalance, or card-service's relay republishes after a crash: the same record.
      producer.publish(AUTHORIZATIONS, card.key(), tenth);
      producer.publish(AUTHORIZATIONS, card.key(), eleventh);

      List<RiskAssessed> assessed = outputs.assessments(card, 11);
      List<Alert> alerts = outputs.alerts(card, 2);
      List<FreezeCard> freezes = outputs.freezes(card, 2);

      List<RiskAssessed> expected = new ArrayList<>(requests.subList(0, 9).stream()
          .map(r -> assessed(r, 20, RiskAction.allow, offHours(r))).toList());
      expected.add(assessed(tenth, 80, RiskAction.block, cardTesting(10), offHours(tenth)));
      expected.add(assessed(eleventh, 80, RiskAction.block, cardTesting(11), offHours(eleventh)));
      assertThat(withoutMetadata(assessed)).containsExactlyElementsOf(expected);
      assertThat(alertsWithoutIds(alerts)).containsExactly(
          alert(tenth, "risk_block", AlertSeverity.critical, 80, "blocked", "card_testing", "off_hours"),
          alert(eleventh, "risk_block", AlertSeverity.critical, 80, "blocked", "card_testing", "off_hours"));
      assertThat(freezesWithoutMetadata(freezes)).containsExactly(
          freeze(tenth, 80, "card_testing", "off_hours"), freeze(eleventh, 80, "card_testing", "off_hours"));
      assertCausedBy(freezes.getFirst().getMetadata(), tenth);
    }
  }

  @Test
  void anAttemptDeclinedAtRequestPublishesNothingButCountsForCardTesting() {
    TestCard card = TestCard.nigerian();
    List<AuthorizationRequested> declined = IntStream.range(0, 9)
        .mapToObj(i -> card.declinedAtRequest(10 + i, MIDDAY.plusSeconds(20L * i), "insufficient_funds")).toList();
    AuthorizationRequested tenth = card.request(99, MIDDAY.plusSeconds(180));
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      declined.forEach(request -> producer.publish(AUTHORIZATIONS, card.key(), request));
      producer.publish(AUTHORIZATIONS, card.key(), tenth);

      List<RiskAssessed> assessed = outputs.assessments(card, 1);
      List<Alert> alerts = outputs.alerts(card, 1);

      assertThat(withoutMetadata(assessed)).containsExactly(assessed(tenth, 60, RiskAction.review, cardTesting(10)));
      assertThat(alertsWithoutIds(alerts)).containsExactly(
          alert(tenth, "risk_review", AlertSeverity.warning, 60, "flagged for review", "card_testing"));
    }
  }

  @Test
  void oneNairaIsNotUnderOneNairaAndAnAuthorizationFiveMinutesOldNoLongerCounts() {
    TestCard card = TestCard.nigerian();
    List<AuthorizationRequested> requests = new ArrayList<>();
    requests.add(card.request(1, MIDDAY));
    IntStream.range(0, 8).forEach(i -> requests.add(card.request(99, MIDDAY.plusSeconds(60 + 20L * i))));
    requests.add(card.request(100, MIDDAY.plusSeconds(220))); // 1.00 is not under 1.00
    requests.add(card.request(50, MIDDAY.plusSeconds(300)));  // the first, exactly 5 minutes old, is out: 9 small
    requests.add(card.request(50, MIDDAY.plusSeconds(310)));  // 10 small in the last 5 minutes
    try (RiskOutputs outputs = new RiskOutputs(); TestProducer producer = new TestProducer()) {
      requests.forEach(request -> producer.publish(AUTHORIZATIONS, card.key(), request));

      List<RiskAssessed> assessed = outputs.assessments(card, requests.size());

      assertThat(assessed).extracting(RiskAssessed::getScore).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60);
      assertThat(withoutMetadata(assessed).getLast()).isEqualTo(assessed(requests.getLast(), 60, RiskAction.review, cardTesting(10)));
    }
  }

  /** Authorizations of 0.50 to 0.59, 20 seconds apart: too slow for the velocity rules, fast enough for card testing. */
  private static List<AuthorizationRequested> smallRequests(TestCard card, Instant first, int count) {
    return IntStream.range(0, count).mapToObj(i -> card.request(50 + i, first.plusSeconds(20L * i))).toList();
  }

  private static FiredRule cardTesting(int small) {
    return rule("card_testing", 60,
        small + " authorizations under NGN 1.00 in the last 5 minutes (card testing from 10)",
        "small_authorizations_5m", Integer.toString(small));
  }

  private static FiredRule offHours(AuthorizationRequested request) {
    String localTime = LocalTime.ofInstant(request.getMetadata().getOccurredAt(), ZoneId.of("Africa/Lagos"))
        .truncatedTo(ChronoUnit.MINUTES).toString();
    return rule("off_hours", 20, "At " + localTime + " in Africa/Lagos, within the cardholder's off-hours (01:00-05:00)",
        "local_time", localTime, "time_zone", "Africa/Lagos");
  }
}
