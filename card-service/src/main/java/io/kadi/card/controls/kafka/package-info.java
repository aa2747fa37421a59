/** Spending controls as Avro: SpendingControlsUpdated, and the snapshot every AuthorizationRequested carries. */
package io.kadi.card.controls.kafka;
