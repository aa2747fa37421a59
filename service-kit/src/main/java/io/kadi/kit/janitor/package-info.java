/** Periodic purges of rows kept only for a while: processed message ids, feature history. */
package io.kadi.kit.janitor;
