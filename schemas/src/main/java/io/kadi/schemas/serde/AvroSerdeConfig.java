package io.kadi.schemas.serde;

import io.kadi.schemas.registry.SchemaRegistries;
import io.kadi.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/** The serde's settings, under the same keys as Confluent's serde. */
record AvroSerdeConfig(SchemaRegistryClient registry, boolean autoRegisterSchemas, boolean specificAvroReader) {

  static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** The only strategy implemented; naming Confluent's class for it keeps one configuration valid for both serdes. */
  private static final Set<String> TOPIC_RECORD_NAME_STRATEGY = Set.of(
      "TopicRecordNameStrategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

  static AvroSerdeConfig from(Map<String, ?> configs, boolean isKey) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " must be set (an http(s) URL, or mock://<scope> for the in-memory registry)");
    }
    String strategyKey = (isKey ? "key" : "value") + ".subject.name.strategy";
    Object strategy = configs.get(strategyKey);
    if (strategy != null) {
      String name = strategy instanceof Class<?> type ? type.getName() : strategy.toString();
      if (!TOPIC_RECORD_NAME_STRATEGY.contains(name)) {
        throw new ConfigException(strategyKey, name, "Kadi's serde only implements TopicRecordNameStrategy");
      }
    }
    Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    if (source != null && !"USER_INFO".equals(source.toString())) {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "only USER_INFO is supported");
    }
    Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
    return new AvroSerdeConfig(
        SchemaRegistries.forUrl(url.toString(), userInfo == null ? null : userInfo.toString()),
        flag(configs, AUTO_REGISTER_SCHEMAS, true),
        flag(configs, SPECIFIC_AVRO_READER, false));
  }

  private static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
  }
}
