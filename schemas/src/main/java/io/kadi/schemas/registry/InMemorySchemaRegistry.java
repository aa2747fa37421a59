package io.kadi.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, with the Confluent registry's id semantics: ids are global and start at 1, one
 * schema text has one id whichever subjects it is registered under, and versions count per subject from 1.
 *
 * <p>Registries are shared per scope ({@code mock://<scope>}), so that the serializer and deserializer of one JVM
 * agree on ids, as Confluent's {@code MockSchemaRegistry} does. That table of scopes is the one deliberate piece of
 * static state.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();

  /** The registry of a scope, created empty on first use. */
  public static InMemorySchemaRegistry scope(String scope) {
    return SCOPES.computeIfAbsent(scope, name -> new InMemorySchemaRegistry());
  }

  /** Forgets a scope; the next {@link #scope} call starts an empty registry. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = idsBySchemaText.computeIfAbsent(schema.toString(), text -> {
      int next = schemasById.size() + 1;
      schemasById.put(next, schema);
      return next;
    });
    List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    return version(subject, schema)
        .map(SubjectVersion::id)
        .orElseThrow(() -> idsBySubject.containsKey(subject)
            ? new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND,
                "Schema " + schema.getFullName() + " is not registered under subject " + subject)
            : new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject " + subject + " not found"));
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return schema;
  }

  public synchronized List<String> subjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  /** Versions 1..n of a subject; empty when the subject is unknown. */
  public synchronized List<SubjectVersion> versions(String subject) {
    List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
    List<SubjectVersion> versions = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      versions.add(new SubjectVersion(subject, i + 1, ids.get(i), schemasById.get(ids.get(i))));
    }
    return versions;
  }

  /** The version of the subject that holds this schema, if any. */
  public synchronized Optional<SubjectVersion> version(String subject, Schema schema) {
    String text = schema.toString();
    return versions(subject).stream().filter(v -> v.schema().toString().equals(text)).findFirst();
  }

  /** One version of one subject. */
  public record SubjectVersion(String subject, int version, int id, Schema schema) {}
}
