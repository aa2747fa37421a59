/** The spending controls endpoints of cards and cardholders. */
package io.kadi.card.controls.web;
