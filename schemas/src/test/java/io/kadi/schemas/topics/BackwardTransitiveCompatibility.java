package io.kadi.schemas.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** BACKWARD_TRANSITIVE: a reader with the current schema can read data written with every earlier version. */
final class BackwardTransitiveCompatibility {

  private BackwardTransitiveCompatibility() {}

  /** One line per earlier version the current schema cannot read; empty when compatible with all of them. */
  static List<String> problems(Schema current, List<Schema> published) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < published.size(); i++) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, published.get(i));
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        problems.add(current.getFullName() + " cannot read v" + (i + 1) + ": " + result.getResult().getIncompatibilities());
      }
    }
    return problems;
  }
}
