/** The hash chain itself, in plain Java: entries, their canonical form and hash, and verification of a whole chain. */
package io.kadi.audit.log.domain;
