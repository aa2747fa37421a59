/** The log's use cases: append a record once, in one transaction with its audit record; verify the whole chain. */
package io.kadi.audit.log.application;
