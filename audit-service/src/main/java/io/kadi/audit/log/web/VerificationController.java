package io.kadi.audit.log.web;

import io.kadi.audit.log.application.AuditLog;
import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/audit/verify}: re-checks every hash of the log against its head, for clients with audit:read. */
@RestController
class VerificationController {

  private final AuditLog auditLog;

  VerificationController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @RequiresScope(Scopes.AUDIT_READ)
  @GetMapping("/v1/audit/verify")
  VerificationResponse verify() {
    return VerificationResponse.of(auditLog.verify());
  }
}
