/** Who and what a unit of work acts for (request id, client, mode), and the metadata it stamps on every record. */
package io.kadi.kit.context;
