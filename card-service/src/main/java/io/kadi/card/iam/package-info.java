/** API clients and their keys: created, rotated and revoked here, in the iam schema every service verifies against. */
package io.kadi.card.iam;
