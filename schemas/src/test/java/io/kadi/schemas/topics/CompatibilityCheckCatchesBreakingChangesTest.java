package io.kadi.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.events.card.v1.CardFrozen;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The compatibility check itself can fail: it refuses the changes that would break consumers of old data. */
class CompatibilityCheckCatchesBreakingChangesTest {

  private static final Schema V1 = SchemaBuilder.record("Thing").namespace("io.kadi.test.v1").fields()
      .requiredString("id")
      .requiredLong("amount")
      .endRecord();

  @Test
  void refusesANewFieldWithoutDefault() {
    Schema v2 = SchemaBuilder.record("Thing").namespace("io.kadi.test.v1").fields()
        .requiredString("id").requiredLong("amount").requiredString("currency")
        .endRecord();

    assertThat(BackwardTransitiveCompatibility.problems(v2, List.of(V1))).singleElement().asString()
        .contains("cannot read v1").contains("currency");
  }

  @Test
  void refusesAChangedFieldType() {
    Schema v2 = SchemaBuilder.record("Thing").namespace("io.kadi.test.v1").fields()
        .requiredString("id").requiredString("amount")
        .endRecord();

    assertThat(BackwardTransitiveCompatibility.problems(v2, List.of(V1))).hasSize(1);
  }

  @Test
  void checksEveryEarlierVersionNotJustTheLatest() {
    Schema v2 = SchemaBuilder.record("Thing").namespace("io.kadi.test.v1").fields()
        .requiredString("id").requiredLong("amount").name("note").type().stringType().stringDefault("")
        .endRecord();
    // v3 drops the default of "note": it still reads v2 data (which has the field) but no longer v1 data.
    Schema v3 = SchemaBuilder.record("Thing").namespace("io.kadi.test.v1").fields()
        .requiredString("id").requiredLong("amount").requiredString("note")
        .endRecord();

    assertThat(BackwardTransitiveCompatibility.problems(v3, List.of(V1, v2))).singleElement().asString()
        .contains("cannot read v1");
  }

  @Test
  void acceptsAnOptionalFieldWithDefault() {
    Schema v2 = SchemaBuilder.record("Thing").namespace("io.kadi.test.v1").fields()
        .requiredString("id").requiredLong("amount").optionalString("memo")
        .endRecord();

    assertThat(BackwardTransitiveCompatibility.problems(v2, List.of(V1))).isEmpty();
    assertThat(BackwardTransitiveCompatibility.problems(CardFrozen.getClassSchema(), List.of(CardFrozen.getClassSchema()))).isEmpty();
  }
}
