/** Cards and fundings in the card schema. */
package io.kadi.card.issuing.persistence;
