/** What every Kadi REST API shares: request ids, the request context, and RFC 9457 problem details with stable codes. */
package io.kadi.kit.web;
