package io.kadi.schemas.registry;

import java.util.Arrays;
import java.util.List;

/** Picks the registry client for a {@code schema.registry.url} value. */
public final class SchemaRegistries {

  public static final String MOCK_SCHEME = "mock://";

  private SchemaRegistries() {}

  /**
   * {@code mock://<scope>} selects the in-memory registry of that scope; anything else is one or more
   * comma-separated base URLs of a Confluent-compatible registry.
   *
   * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null
   */
  public static SchemaRegistryClient forUrl(String url, String basicAuthUserInfo) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("schema.registry.url is not set");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith(MOCK_SCHEME)) {
      return InMemorySchemaRegistry.scope(trimmed.substring(MOCK_SCHEME.length()));
    }
    List<String> baseUrls = Arrays.stream(trimmed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new RestSchemaRegistryClient(baseUrls, basicAuthUserInfo);
  }
}
