/** The immutable catalogue of Kadi topics, with the key and the record types each carries. */
package io.kadi.schemas.topics;
