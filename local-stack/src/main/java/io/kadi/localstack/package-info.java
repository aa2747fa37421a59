/** The local stack behind {@code ./kadi up}: a KRaft broker, the in-memory schema registry and the four services in one JVM. */
package io.kadi.localstack;
