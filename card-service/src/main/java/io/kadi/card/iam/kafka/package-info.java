/** Keeps each key's last use from the access log every service writes. */
package io.kadi.card.iam.kafka;
