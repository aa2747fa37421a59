package io.kadi.localstack.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What the benchmark counts of an answer 200 to {@code POST /v1/authorizations}. */
record AuthorizationAnswer(boolean approved, String declineReason, boolean standIn) {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String TIMEOUT = "timeout";

  /** The body of an answer 200; an IllegalArgumentException when it is not one. */
  static AuthorizationAnswer parse(String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
    }
    JsonNode approved = answer.path("approved");
    JsonNode standIn = answer.path("stand_in");
    if (!approved.isBoolean() || !standIn.isBoolean()) {
      throw new IllegalArgumentException("Not an authorization: " + body);
    }
    JsonNode reason = answer.path("decline_reason");
    return new AuthorizationAnswer(approved.booleanValue(), reason.isString() ? reason.stringValue() : null, standIn.booleanValue());
  }

  /** Answered by the stand-in, at the budget: the pipeline did not decide in time. */
  boolean missedBudget() {
    return standIn || TIMEOUT.equals(declineReason);
  }
}
