package io.kadi.risk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.events.alert.v1.Alert;
import io.kadi.events.alert.v1.AlertSeverity;
import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.common.v1.Metadata;
import io.kadi.events.common.v1.Mode;
import io.kadi.events.risk.v1.FiredRule;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.testing.TopicProbe;
import io.kadi.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * What risk-service publishes from now on: assessments, alerts and card commands, read per card (alerts per subject:
 * a card, an API client, an address). A subject's records share a key and so a partition, in the order they were
 * published: once the last one expected is in, any record published before it is in too, which is what makes "exactly
 * these" assertions sound.
 */
public final class RiskOutputs implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** Stands in for the metadata and ids risk-service generates, so that whole records can be compared. */
  private static final Metadata ANY_METADATA = Metadata.newBuilder().setEventId(new UUID(0, 0)).setOccurredAt(Instant.EPOCH)
      .setRequestId("any").setCausationId(null).setActorClientId("any").setMode(Mode.sandbox).build();
  private static final UUID ANY_ID = new UUID(0, 0);

  private final TopicProbe assessments = TopicProbe.fromEnd(Topics.RISK_ASSESSMENTS.name());
  private final TopicProbe alerts = TopicProbe.fromEnd(Topics.ALERTS.name());
  private final TopicProbe commands = TopicProbe.fromEnd(Topics.CARD_COMMANDS.name());

  /** Waits for the card's first {@code count} assessments; returns every one of the card's seen by then. */
  public List<RiskAssessed> assessments(TestCard card, int count) {
    return await(assessments, RiskAssessed.class, a -> a.getCardId().equals(card.cardId()), count);
  }

  public List<Alert> alerts(TestCard card, int count) {
    return alertsAbout(card.key(), count);
  }

  /** Waits for the first {@code count} alerts about the subject; returns every one of its alerts seen by then. */
  public List<Alert> alertsAbout(String subjectId, int count) {
    return await(alerts, Alert.class, a -> a.getSubjectId().equals(subjectId), count);
  }

  public List<FreezeCard> freezes(TestCard card, int count) {
    return await(commands, FreezeCard.class, f -> f.getCardId().equals(card.key()), count);
  }

  private static <T> List<T> await(TopicProbe probe, Class<T> type, Predicate<T> match, int count) {
    return Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
        .until(() -> probe.readToEnd(type, match), list -> list.size() >= count);
  }

  /** The assessment expected for the request, metadata aside. */
  public static RiskAssessed assessed(AuthorizationRequested request, int score, RiskAction action, FiredRule... rules) {
    return RiskAssessed.newBuilder()
        .setMetadata(ANY_METADATA)
        .setAuthorizationId(request.getAuthorizationId())
        .setCardId(request.getCardId())
        .setScore(score)
        .setAction(action)
        .setFiredRules(Arrays.asList(rules))
        .build();
  }

  /** A fired rule; features alternate names and values. */
  public static FiredRule rule(String name, int weight, String detail, String... features) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < features.length; i += 2) {
      values.put(features[i], features[i + 1]);
    }
    return FiredRule.newBuilder().setRule(name).setWeight(weight).setDetail(detail).setFeatures(values).build();
  }

  /** The alert expected for the request, metadata and alert id aside. */
  public static Alert alert(AuthorizationRequested request, String type, AlertSeverity severity, int score, String outcome,
      String... rules) {
    return Alert.newBuilder()
        .setMetadata(ANY_METADATA)
        .setAlertId(ANY_ID)
        .setType(type)
        .setSeverity(severity)
        .setSubjectType("card")
        .setSubjectId(request.getCardId().toString())
        .setSummary("Authorization %s on card %s scored %d and was %s: %s.".formatted(request.getAuthorizationId(),
            request.getCardId(), score, outcome, String.join(", ", rules)))
        .setDetails(Map.of("authorizationId", request.getAuthorizationId().toString(),
            "cardholderId", request.getCardholderId().toString(), "score", Integer.toString(score),
            "firedRules", String.join(",", rules)))
        .build();
  }

  /** An alert as expected, metadata and alert id aside. */
  public static Alert alert(String type, AlertSeverity severity, String subjectType, String subjectId, String summary,
      Map<String, String> details) {
    return Alert.newBuilder()
        .setMetadata(ANY_METADATA)
        .setAlertId(ANY_ID)
        .setType(type)
        .setSeverity(severity)
        .setSubjectType(subjectType)
        .setSubjectId(subjectId)
        .setSummary(summary)
        .setDetails(details)
        .build();
  }

  /** The FreezeCard expected after a block of the request, metadata aside. */
  public static FreezeCard freeze(AuthorizationRequested request, int score, String... rules) {
    return FreezeCard.newBuilder()
        .setMetadata(ANY_METADATA)
        .setCommandId("risk-block-" + request.getAuthorizationId())
        .setCardId(request.getCardId().toString())
        .setReason("risk-service blocked authorization %s with score %d: %s"
            .formatted(request.getAuthorizationId(), score, String.join(", ", rules)))
        .build();
  }

  public static List<RiskAssessed> withoutMetadata(List<RiskAssessed> assessed) {
    return assessed.stream().map(a -> RiskAssessed.newBuilder(a).setMetadata(ANY_METADATA).build()).toList();
  }

  public static List<Alert> alertsWithoutIds(List<Alert> alerts) {
    return alerts.stream().map(a -> Alert.newBuilder(a).setMetadata(ANY_METADATA).setAlertId(ANY_ID).build()).toList();
  }

  public static List<FreezeCard> freezesWithoutMetadata(List<FreezeCard> freezes) {
    return freezes.stream().map(f -> FreezeCard.newBuilder(f).setMetadata(ANY_METADATA).build()).toList();
  }

  /** A record risk-service published because of the request: same correlation, actor and mode, caused by it. */
  public static void assertCausedBy(Metadata published, AuthorizationRequested request) {
    assertCausedBy(published, request.getMetadata());
  }

  /** A record risk-service published because of a record with this metadata. */
  public static void assertCausedBy(Metadata published, Metadata cause) {
    assertThat(published.getCausationId()).isEqualTo(cause.getEventId().toString());
    assertThat(published.getRequestId()).isEqualTo(cause.getRequestId());
    assertThat(published.getActorClientId()).isEqualTo(cause.getActorClientId());
    assertThat(published.getMode()).isEqualTo(cause.getMode());
    assertThat(published.getEventId()).isNotEqualTo(cause.getEventId());
  }

  @Override
  public void close() {
    assessments.close();
    alerts.close();
    commands.close();
  }
}
