/** The iam schema's programs, clients and keys, written only here. */
package io.kadi.card.iam.persistence;
