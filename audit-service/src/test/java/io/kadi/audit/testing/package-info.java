/** Test support for audit-service: the shared test context, sample Kadi records, and a reader of the log's rows. */
package io.kadi.audit.testing;
