package io.kadi.kit.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredResponseTest {

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 303, 400, 404, 410, 413, 415, 422})
  void successesAndRefusalsOfTheRequestItselfAreOutcomesToReplay(int status) {
    assertThat(StoredResponse.isOutcome(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 409, 429, 500, 502, 503, 504})
  void refusalsOfTheMomentAndServerErrorsAreNot(int status) {
    assertThat(StoredResponse.isOutcome(status)).isFalse();
  }

  @Test
  void neverShowsItsBody() {
    StoredResponse response = new StoredResponse(201, "application/json", null, "{\"pan\":\"4111\"}".getBytes(UTF_8));

    assertThat(response.toString()).doesNotContain("4111").contains("14 bytes");
  }
}
