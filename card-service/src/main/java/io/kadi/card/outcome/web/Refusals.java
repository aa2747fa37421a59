package io.kadi.card.outcome.web;

import io.kadi.card.outcome.Outcome;
import io.kadi.card.outcome.Refusal;
import io.kadi.kit.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Turns a refused outcome into the REST problem for its code, with an {@code errors} entry per invalid field it names. */
public final class Refusals {

  private Refusals() {}

  /** The outcome's value, or the refusal thrown as a problem. */
  public static <T> T orThrow(Outcome<T> outcome) {
    return switch (outcome) {
      case Outcome.Done<T> done -> done.value();
      case Outcome.Refused<T> refused -> throw toProblem(refused.refusal());
    };
  }

  public static ApiException toProblem(Refusal refusal) {
    HttpStatus status = switch (refusal.code()) {
      case CARDHOLDER_NOT_FOUND, CARD_NOT_FOUND, AUTHORIZATION_NOT_FOUND, API_CLIENT_NOT_FOUND, PROGRAM_NOT_FOUND ->
          HttpStatus.NOT_FOUND;
      case INVALID_CARD_STATE, INVALID_AUTHORIZATION_STATE, REFERENCE_REUSED, API_CLIENT_REVOKED, TOTP_NOT_PENDING ->
          HttpStatus.CONFLICT;
      case KYC_NOT_VERIFIED, CURRENCY_MISMATCH -> HttpStatus.UNPROCESSABLE_CONTENT;
      case UNSUPPORTED_CURRENCY, INVALID_AMOUNT, VALIDATION_FAILED, ALLOWLIST_REQUIRED, INVALID_TOTP -> HttpStatus.BAD_REQUEST;
      case MODE_NOT_ALLOWED, SCOPE_ESCALATION, TOTP_SELF_ONLY -> HttpStatus.FORBIDDEN;
      case OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    return new ApiException(status, refusal.code().code(), refusal.detail(), refusal.errors().isEmpty() ? Map.of()
        : Map.of("errors", refusal.errors().stream()
            .map(error -> Map.of("field", error.field(), "message", error.message()))
            .toList()));
  }
}
