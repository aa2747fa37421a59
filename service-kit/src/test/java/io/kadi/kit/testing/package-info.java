/**
 * Test support for every Kadi service, shipped as service-kit's test-jar: a real PostgreSQL database and a real
 * KRaft Kafka broker per test JVM, and a probe that reads topics.
 */
package io.kadi.kit.testing;
