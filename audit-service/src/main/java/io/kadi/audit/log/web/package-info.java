/** The log's REST API: verification of the whole chain on demand. */
package io.kadi.audit.log.web;
