package io.kadi.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDatabaseLocationTest {

  @Test
  void anExplicitUrlComesFirst() {
    var server = TestDatabase.locate(Map.of("KADI_TEST_DB_URL", "jdbc:postgresql://db.example:6543/admin",
        "KADI_TEST_DB_USER", "kadi", "KADI_TEST_DB_PASSWORD", "pw"), s -> true, () -> true);

    assertThat(server).hasValueSatisfying(s -> {
      assertThat(s.adminUrl()).isEqualTo("jdbc:postgresql://db.example:6543/admin");
      assertThat(s.username()).isEqualTo("kadi");
      assertThat(s.urlOf("kadi_test_1")).isEqualTo("jdbc:postgresql://db.example:6543/kadi_test_1");
    });
  }

  @Test
  void thenAServerOnLocalhost() {
    var server = TestDatabase.locate(Map.of(), s -> true, () -> true);

    assertThat(server).hasValueSatisfying(s -> {
      assertThat(s.adminUrl()).isEqualTo(TestDatabase.LOCALHOST_URL);
      assertThat(s.username()).isEqualTo("postgres");
    });
  }

  @Test
  void withoutEitherAndWithoutDockerThereIsNone() {
    assertThat(TestDatabase.locate(Map.of(), s -> false, () -> false)).isEmpty();
  }
}
