/** Issuing, funding, freezing, unfreezing and terminating cards, each with its event, in one transaction. */
package io.kadi.card.issuing.application;
