/** audit-service: records every Kadi record in an append-only, hash-chained log that anyone can re-verify. */
package io.kadi.audit;
