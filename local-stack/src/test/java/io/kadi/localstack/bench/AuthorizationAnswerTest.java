package io.kadi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthorizationAnswerTest {

  @Test
  void readsAnApproval() {
    AuthorizationAnswer answer = AuthorizationAnswer.parse("""
        {"id": "0196b0c4-0000-7000-8000-000000000001", "card_id": "0196b0c4-0000-7000-8000-000000000002",
         "status": "approved", "approved": true, "decline_reason": null, "risk_score": 12, "stand_in": false,
         "amount": 125050, "currency": "NGN"}""");

    assertThat(answer).isEqualTo(new AuthorizationAnswer(true, null, false));
    assertThat(answer.missedBudget()).isFalse();
  }

  @Test
  void aStandInDeclineMissedTheBudget() {
    AuthorizationAnswer answer = AuthorizationAnswer.parse("""
        {"status": "declined", "approved": false, "decline_reason": "timeout", "risk_score": null, "stand_in": true}""");

    assertThat(answer).isEqualTo(new AuthorizationAnswer(false, "timeout", true));
    assertThat(answer.missedBudget()).isTrue();
  }

  @Test
  void aDeclineOnTheFactsDidNot() {
    AuthorizationAnswer answer = AuthorizationAnswer.parse("""
        {"approved": false, "decline_reason": "spending_limit", "stand_in": false}""");

    assertThat(answer.missedBudget()).isFalse();
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> AuthorizationAnswer.parse("<html>busy</html>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthorizationAnswer.parse("{\"code\": \"not_found\"}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthorizationAnswer.parse("{\"approved\": \"yes\", \"stand_in\": false}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
