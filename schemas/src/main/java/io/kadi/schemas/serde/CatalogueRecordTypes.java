package io.kadi.schemas.serde;

import io.kadi.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The generated classes a deserializer may instantiate: the record types of the topic catalogue, and the records
 * and enums nested in them. Avro refuses to load classes named by a (possibly hostile) writer's schema unless they
 * are trusted; Kadi trusts exactly these classes, rather than whole packages, the first time this class is used:
 * by Kadi's deserializer, or by {@link #trust()} when another deserializer (Confluent's) reads specific records.
 */
public final class CatalogueRecordTypes {

  private static final Map<String, Class<? extends SpecificRecord>> BY_FULL_NAME = new LinkedHashMap<>();

  static {
    Topics.ALL.stream()
        .flatMap(topic -> topic.valueTypes().stream())
        .forEach(type -> BY_FULL_NAME.put(SpecificData.get().getSchema(type).getFullName(), type));
    ClassSecurityValidator.Builder trusted = ClassSecurityValidator.builder();
    for (Schema named : namedTypes()) {
      trusted.add(SpecificData.getClassName(named));
    }
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), trusted.build()));
  }

  private CatalogueRecordTypes() {}

  /** Makes sure the catalogue's classes are trusted; the work is done once, when this class initializes. */
  public static void trust() {
    // Initializing the class is what trusts them.
  }

  static Optional<Class<? extends SpecificRecord>> byFullName(String fullName) {
    return Optional.ofNullable(BY_FULL_NAME.get(fullName));
  }

  private static List<Schema> namedTypes() {
    List<Schema> named = new ArrayList<>();
    BY_FULL_NAME.values().forEach(type -> collect(SpecificData.get().getSchema(type), named));
    return named;
  }

  private static void collect(Schema schema, List<Schema> named) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!named.contains(schema)) {
          named.add(schema);
          schema.getFields().forEach(field -> collect(field.schema(), named));
        }
      }
      case ENUM -> {
        if (!named.contains(schema)) {
          named.add(schema);
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, named));
      case ARRAY -> collect(schema.getElementType(), named);
      case MAP -> collect(schema.getValueType(), named);
      default -> { }
    }
  }
}
