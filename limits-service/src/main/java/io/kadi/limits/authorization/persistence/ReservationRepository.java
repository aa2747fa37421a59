package io.kadi.limits.authorization.persistence;

import io.kadi.limits.authorization.domain.Authorization;
import io.kadi.limits.authorization.domain.AuthorizationUpdate;
import io.kadi.limits.authorization.domain.Counter;
import io.kadi.limits.authorization.domain.Reservation;
import io.kadi.limits.authorization.domain.ReservationStatus;
import io.kadi.limits.authorization.domain.Subject;
import io.kadi.limits.authorization.domain.Tally;
import io.kadi.limits.authorization.domain.Usage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reservations table: what limits count, summed in one statement per evaluation. */
@Repository
public class ReservationRepository {

  /** The statuses that count, as the partial indexes' predicate spells them, so that the planner can use them. */
  static final String COUNTED = Arrays.stream(ReservationStatus.values()).filter(ReservationStatus::counted)
      .map(status -> "'" + status.wireName() + "'").collect(Collectors.joining(", ", "(", ")"));

  private final JdbcClient jdbc;

  ReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps the reservation unless one of the authorization is already kept. */
  public void insert(Reservation reservation) {
    jdbc.sql("""
            insert into reservations (authorization_id, card_id, cardholder_id, amount, currency, mcc, authorized_at, status)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (authorization_id) do nothing""")
        .params(reservation.authorizationId(), reservation.cardId(), reservation.cardholderId(), reservation.amount(),
            reservation.currency(), reservation.mcc(), Timestamp.from(reservation.authorizedAt()),
            reservation.status().wireName())
        .update();
  }

  /**
   * What each counter finds, the authorization itself left out, in one statement: one aggregate per counter, each
   * filtered to what it counts, over the counted reservations of the card (or of the cardholder, when any counter
   * counts the cardholder's) since the earliest window starts. It says in SQL what {@link Counter#counts} says.
   */
  public Usage tally(Authorization authorization, List<Counter> counters) {
    if (counters.isEmpty()) {
      return counter -> {
        throw new IllegalArgumentException("Nothing was counted for " + counter);
      };
    }
    Map<String, Object> params = new HashMap<>();
    params.put("card", authorization.cardId());
    params.put("cardholder", authorization.cardholderId());
    params.put("self", authorization.id());
    boolean cardholderWide = counters.stream().anyMatch(counter -> counter.subject() == Subject.CARDHOLDER);
    List<String> aggregates = new ArrayList<>();
    for (int i = 0; i < counters.size(); i++) {
      String filter = filter(counters.get(i), i, cardholderWide, params);
      aggregates.add("count(*) filter (where %1$s), coalesce(sum(amount) filter (where %1$s), 0)".formatted(filter));
    }
    StringBuilder sql = new StringBuilder("select ").append(String.join(",\n  ", aggregates))
        .append("\nfrom reservations where ").append(cardholderWide ? "cardholder_id = :cardholder" : "card_id = :card")
        .append(" and status in ").append(COUNTED).append(" and authorization_id <> :self");
    earliestStart(counters).ifPresent(from -> {
      sql.append(" and authorized_at >= :earliest");
      params.put("earliest", Timestamp.from(from));
    });
    Map<Counter, Tally> tallies = jdbc.sql(sql.toString()).params(params).query(row -> {
      row.next();
      return read(row, counters);
    });
    return counter -> Optional.ofNullable(tallies.get(counter))
        .orElseThrow(() -> new IllegalArgumentException("Nothing was counted for " + counter));
  }

  /**
   * Applies the update to the authorization's reservation in one statement; when limits holds none, keeps the one the
   * update calls for (a stand-in approval, say), if any.
   */
  public void apply(AuthorizationUpdate update) {
    Map<ReservationStatus, ReservationStatus> transitions = update.transitions();
    Map<String, Object> params = new HashMap<>();
    params.put("id", update.authorizationId());
    params.put("from", transitions.keySet().stream().map(ReservationStatus::wireName).toList());
    String next = transitions.entrySet().stream()
        .map(transition -> "when '%s' then '%s'".formatted(transition.getKey().wireName(), transition.getValue().wireName()))
        .collect(Collectors.joining(" ", "case status ", " end"));
    StringBuilder sql = new StringBuilder("update reservations set status = ").append(next).append(", updated_at = now()");
    update.newAmount().ifPresent(amount -> {
      sql.append(", amount = :amount");
      params.put("amount", amount);
    });
    sql.append(" where authorization_id = :id and status in (:from)");
    if (jdbc.sql(sql.toString()).params(params).update() == 0) {
      update.unknownReservation().ifPresent(this::insert);
    }
  }

  /** The reservation of the authorization, if limits keep one. */
  public Optional<Reservation> find(UUID authorizationId) {
    return jdbc.sql("""
            select authorization_id, card_id, cardholder_id, amount, currency, mcc, authorized_at, status
            from reservations where authorization_id = ?""")
        .param(authorizationId)
        .query((row, number) -> new Reservation(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
            row.getObject(3, UUID.class), row.getLong(4), row.getString(5), row.getString(6),
            row.getTimestamp(7).toInstant(), ReservationStatus.fromWireName(row.getString(8))))
        .optional();
  }

  private static String filter(Counter counter, int index, boolean cardholderWide, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (counter.subject() == Subject.CARD && cardholderWide) {
      conditions.add("card_id = :card");
    }
    counter.range().from().ifPresent(from -> {
      conditions.add("authorized_at >= :from" + index);
      params.put("from" + index, Timestamp.from(from));
    });
    counter.range().until().ifPresent(until -> {
      conditions.add("authorized_at < :until" + index);
      params.put("until" + index, Timestamp.from(until));
    });
    if (counter.currency() != null) {
      conditions.add("currency = :currency" + index);
      params.put("currency" + index, counter.currency());
    }
    if (!counter.categories().isEmpty()) {
      conditions.add("mcc in (:categories" + index + ")");
      params.put("categories" + index, counter.categories());
    }
    return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
  }

  /** Where the earliest window starts; nothing when some window has no start (all time). */
  private static Optional<Instant> earliestStart(List<Counter> counters) {
    Instant earliest = Instant.MAX;
    for (Counter counter : counters) {
      Optional<Instant> from = counter.range().from();
      if (from.isEmpty()) {
        return Optional.empty();
      }
      earliest = from.get().isBefore(earliest) ? from.get() : earliest;
    }
    return Optional.of(earliest);
  }

  private static Map<Counter, Tally> read(ResultSet row, List<Counter> counters) throws SQLException {
    Map<Counter, Tally> tallies = new HashMap<>();
    for (int i = 0; i < counters.size(); i++) {
      tallies.put(counters.get(i), new Tally(row.getLong(2 * i + 1), row.getLong(2 * i + 2)));
    }
    return tallies;
  }
}
