package io.kadi.limits.authorization.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.Channel;
import io.kadi.limits.authorization.domain.Counter;
import io.kadi.limits.authorization.domain.Interval;
import io.kadi.limits.authorization.domain.Reservation;
import io.kadi.limits.authorization.domain.ReservationStatus;
import io.kadi.limits.authorization.domain.Subject;
import io.kadi.limits.authorization.domain.Tally;
import io.kadi.limits.authorization.domain.TimeRange;
import io.kadi.limits.authorization.domain.Usage;
import io.kadi.limits.authorization.domain.Windows;
import io.kadi.limits.testing.LimitsServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one statement that sums every window counts exactly what {@link Counter#counts} says, boundaries included. */
@LimitsServiceTest
class TalliesIT {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  private static final List<String> CURRENCIES = List.of("NGN", "KES");
  private static final List<String> CATEGORIES = List.of("5411", "5812", "7995");
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Africa/Lagos"), ZoneId.of("Africa/Nairobi"), ZoneId.of("UTC"));

  @Autowired ReservationRepository repository;

  @Test
  void sumsInOneStatementWhatTheDomainCounts() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 40; round++) {
      UUID cardholder = UUID.randomUUID();
      List<UUID> cards = List.of(UUID.randomUUID(), UUID.randomUUID());
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      List<Reservation> kept = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        kept.add(randomReservation(random, cards.get(random.nextInt(2)), cardholder, NOW.plus(Duration.ofMinutes(random.nextInt(-4 * 1440, 4 * 1440)))));
      }
      // Someone else's reservation at the same time never counts.
      kept.add(randomReservation(random, UUID.randomUUID(), UUID.randomUUID(), NOW));
      List<Counter> counters = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        counters.add(randomCounter(random, zone));
      }
      // Reservations exactly at each window's bounds: the start counts, the end does not.
      for (Counter counter : counters) {
        counter.range().from().ifPresent(from -> kept.add(randomReservation(random, cards.getFirst(), cardholder, from)));
        counter.range().until().ifPresent(until -> kept.add(randomReservation(random, cards.getFirst(), cardholder, until)));
      }
      kept.forEach(repository::insert);
      // Checked anew, or checked again (its own reservation never counts).
      UUID checkedId = random.nextBoolean() ? UUID.randomUUID() : kept.get(random.nextInt(kept.size())).authorizationId();
      Authorization checked = new Authorization(checkedId, cards.get(random.nextInt(2)), cardholder, 100, "NGN", "5411", "NG",
          Channel.POS, NOW, zone);

      Usage usage = repository.tally(checked, counters);

      for (Counter counter : counters) {
        List<Reservation> counted = kept.stream().filter(reservation -> counter.counts(reservation, checked)).toList();
        assertThat(usage.of(counter)).as("seed %d, round %d: %s", seed, round, counter)
            .isEqualTo(new Tally(counted.size(), counted.stream().mapToLong(Reservation::amount).sum()));
      }
    }
  }

  @Test
  void answersOnlyForTheCountersItWasAsked() {
    Authorization checked = new Authorization(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 100, "NGN", "5411", "NG",
        Channel.POS, NOW, ZoneId.of("UTC"));
    Counter asked = new Counter(Subject.CARD, TimeRange.ALL_TIME, "NGN", List.of());
    Counter notAsked = new Counter(Subject.CARDHOLDER, TimeRange.ALL_TIME, "NGN", List.of());

    assertThat(repository.tally(checked, List.of(asked)).of(asked)).isEqualTo(Tally.ZERO);
    assertThatThrownBy(() -> repository.tally(checked, List.of(asked)).of(notAsked)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repository.tally(checked, List.of()).of(asked)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Reservation randomReservation(Random random, UUID card, UUID cardholder, Instant at) {
    ReservationStatus[] statuses = ReservationStatus.values();
    String mcc = random.nextInt(5) == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    return new Reservation(UUID.randomUUID(), card, cardholder, random.nextLong(0, 10_000), CURRENCIES.get(random.nextInt(2)),
        mcc, at, statuses[random.nextInt(statuses.length)]);
  }

  private static Counter randomCounter(Random random, ZoneId zone) {
    Subject subject = random.nextBoolean() ? Subject.CARD : Subject.CARDHOLDER;
    TimeRange range = switch (random.nextInt(3)) {
      case 0 -> Windows.calendar(
          List.of(Interval.DAILY, Interval.WEEKLY, Interval.MONTHLY, Interval.YEARLY, Interval.ALL_TIME).get(random.nextInt(5)), NOW, zone);
      case 1 -> Windows.trailing(Duration.ofSeconds(random.nextInt(10, 3 * 86_400)), NOW);
      default -> TimeRange.ALL_TIME;
    };
    String currency = random.nextBoolean() ? null : CURRENCIES.get(random.nextInt(2));
    List<String> categories = random.nextBoolean() ? List.of() : CATEGORIES.subList(0, 1 + random.nextInt(2));
    return new Counter(subject, range, currency, categories);
  }
}
