package io.kadi.audit.log.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kadi.audit.log.domain.Verification;
import io.kadi.audit.log.domain.Verification.Broken;
import io.kadi.audit.log.domain.Verification.Intact;
import java.util.Locale;

/**
 * An intact log: {@code intact, records, last_sequence, last_hash}. A broken one: {@code intact, records, broken_at,
 * reason}. Both are 200s: the check itself succeeded, whatever it found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerificationResponse(boolean intact, long records, Long lastSequence, String lastHash, Long brokenAt, String reason) {

  static VerificationResponse of(Verification verification) {
    return switch (verification) {
      case Intact intact -> new VerificationResponse(true, intact.records(), intact.lastSequence(), intact.lastHash().hex(),
          null, null);
      case Broken broken -> new VerificationResponse(false, broken.records(), null, null, broken.brokenAt(),
          broken.breach().name().toLowerCase(Locale.ROOT));
    };
  }
}
