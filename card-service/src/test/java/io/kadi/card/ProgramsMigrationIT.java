package io.kadi.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.card.cardholder.domain.Programs;
import io.kadi.kit.testing.TestApiClients;
import io.kadi.kit.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V3__programs.sql over rows written before programs existed, in a schema of its own next to this JVM's iam schema. */
class ProgramsMigrationIT {

  private static final String SCHEMA = "card_programs_migration";

  private final JdbcClient jdbc = JdbcClient.create(TestDatabase.get().dataSource());

  @BeforeEach
  void emptySchema() {
    TestApiClients.newProgram(); // makes the iam schema, which card-service migrates before its own
    jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
  }

  @Test
  void rowsWrittenBeforeProgramsBelongToTheDefaultProgram() {
    migrateTo("2");
    UUID cardholder = olderCardholder();
    olderCard(cardholder);

    migrateTo("3");

    assertThat(jdbc.sql("select program_id from " + SCHEMA + ".cardholders union all select program_id from " + SCHEMA
        + ".cards").query(UUID.class).list()).containsExactly(Programs.DEFAULT, Programs.DEFAULT);
    assertThat(jdbc.sql("select name from iam.programs where id = ?").param(Programs.DEFAULT).query(String.class)
        .single()).isEqualTo("default");
  }

  @Test
  void aCardStaysInItsCardholdersProgram() {
    migrateTo("2");
    UUID card = olderCard(olderCardholder());
    migrateTo("3");
    UUID otherProgram = TestApiClients.newProgram();

    assertThatThrownBy(() -> jdbc.sql("update " + SCHEMA + ".cards set program_id = ? where id = ?")
        .params(otherProgram, card).update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("cards_cardholder_program");
  }

  private void migrateTo(String version) {
    Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas(SCHEMA).locations("classpath:db/card")
        .target(version).load().migrate();
  }

  private UUID olderCardholder() {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into %s.cardholders (id, mode, name, email, phone_number, country, timezone, kyc_status, kyc_tier,
                                        created_by, created_at, updated_at)
            values (?, 'live', 'Ada Obi', 'ada@example.com', '+2348012345678', 'NG', 'Africa/Lagos', 'verified', 2,
                    'unauthenticated', now(), now())""".formatted(SCHEMA))
        .param(id).update();
    return id;
  }

  private UUID olderCard(UUID cardholder) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into %s.cards (id, cardholder_id, mode, type, currency, status, bin, last4, exp_month, exp_year,
                                  pan_ciphertext, pan_key_version, pan_fingerprint, available, held, created_by,
                                  created_at, updated_at)
            values (?, ?, 'live', 'virtual', 'NGN', 'active', '506099', '4242', 11, 2029, '\\x00', 1, ?, 0, 0,
                    'unauthenticated', now(), now())""".formatted(SCHEMA))
        .params(id, cardholder, id.toString().getBytes(StandardCharsets.UTF_8))
        .update();
    return id;
  }
}
