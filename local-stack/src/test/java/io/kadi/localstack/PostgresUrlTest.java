package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void readsLibpqAndJdbcUrlsWithTheirDefaults() {
    assertThat(PostgresUrl.parse(null)).isEqualTo(new PostgresUrl("localhost", 5432, "kadi", "postgres", ""));
    assertThat(PostgresUrl.parse("postgresql://kadi:s%40cret@db.internal:6543/cards"))
        .isEqualTo(new PostgresUrl("db.internal", 6543, "cards", "kadi", "s@cret"));
    assertThat(PostgresUrl.parse("jdbc:postgresql://db:5432/kadi").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/kadi");
  }

  @Test
  void neverRepeatsThePasswordInAMessage() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://kadi:Sup3rSecret@db/kadi"))
        .hasMessageContaining("kadi:***@db").hasMessageNotContaining("Sup3rSecret");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://kadi:pa ss#word@db/kadi"))
        .hasMessageNotContaining("pa ss").hasMessageContaining("Percent-encode");
    assertThat(PostgresUrl.parse("postgresql://kadi:Sup3rSecret@db/kadi").toString()).doesNotContain("Sup3rSecret");
  }
}
