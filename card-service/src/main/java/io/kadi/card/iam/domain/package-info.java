/** What an API client is and what may be asked of one: plain Java, no Spring. */
package io.kadi.card.iam.domain;
