package io.kadi.card.controls.persistence;

import io.kadi.card.controls.domain.ControlsInput;
import io.kadi.card.controls.domain.ControlsOwner;
import io.kadi.card.controls.domain.ControlsRules;
import io.kadi.card.controls.domain.SpendingControls;
import io.kadi.card.outcome.Outcome;
import io.kadi.kit.context.Mode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Controls are stored as the input that produced them, and checked again by {@link ControlsRules} when read, so that
 * what is stored and what is accepted can never drift apart.
 */
@Repository
public class SpendingControlsRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SpendingControlsRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(ControlsOwner owner, UUID subjectId, Mode mode, SpendingControls controls, String by, Instant at) {
    jdbc.sql("""
            insert into spending_controls (subject_type, subject_id, mode, controls, updated_by, updated_at)
            values (:type, :id, :mode, cast(:controls as jsonb), :by, :at)
            on conflict (subject_type, subject_id)
            do update set controls = excluded.controls, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
        .param("type", wire(owner))
        .param("id", subjectId)
        .param("mode", mode.wireName())
        .param("controls", json.writeValueAsString(controls.toInput()))
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** The subject's controls; {@link SpendingControls#NONE} when none were ever set. */
  public SpendingControls find(ControlsOwner owner, UUID subjectId) {
    return jdbc.sql("select controls::text from spending_controls where subject_type = ? and subject_id = ?")
        .params(wire(owner), subjectId)
        .query(String.class)
        .optional()
        .map(this::read)
        .orElse(SpendingControls.NONE);
  }

  private SpendingControls read(String stored) {
    return switch (ControlsRules.validate(json.readValue(stored, ControlsInput.class), null)) {
      case Outcome.Done<SpendingControls>(SpendingControls controls) -> controls;
      case Outcome.Refused<SpendingControls> refused ->
          throw new IllegalStateException("Stored spending controls no longer pass the rules: " + refused.refusal().detail());
    };
  }

  private static String wire(ControlsOwner owner) {
    return owner.name().toLowerCase(Locale.ROOT);
  }
}
