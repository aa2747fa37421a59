package io.kadi.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.commands.card.v1.IssueCard;
import io.kadi.events.card.v1.CardIssued;
import io.kadi.events.common.v1.Metadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

  @Test
  void topicNamesAreUniqueVersionedAndUnderTheKadiPrefix() {
    List<String> names = Topics.ALL.stream().map(KadiTopic::name).toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("kadi\\.[a-z-]+\\.v\\d+"));
  }

  @Test
  void everyRecordStartsWithTheSharedMetadataAndLivesInAVersionedNamespace() {
    for (Schema schema : allValueSchemas()) {
      assertThat(schema.getFields().getFirst().name()).as(schema.getFullName()).isEqualTo("metadata");
      assertThat(schema.getFields().getFirst().schema()).as(schema.getFullName()).isEqualTo(Metadata.getClassSchema());
      assertThat(schema.getNamespace()).as(schema.getFullName()).matches("io\\.kadi\\.[a-z.]+\\.v\\d+");
    }
  }

  @Test
  void everyRecordAndEveryFieldIsDocumented() {
    List<String> undocumented = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Schema schema : allValueSchemas()) {
      collectUndocumented(schema, undocumented, seen);
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void theCatalogueCannotBeChangedAtRunTime() {
    var types = Topics.CARD_COMMANDS.valueTypes();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> types.add(CardIssued.class))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Topics.CARD_COMMANDS.carries(IssueCard.class)).isTrue();
    assertThat(Topics.CARD_COMMANDS.carries(CardIssued.class)).isFalse();
  }

  @Test
  void deadLetterTopicsAreNamedPerTopicAndConsumerGroup() {
    assertThat(Topics.CARD_COMMANDS.deadLetterTopic("card-service")).isEqualTo("kadi.card-commands.v1.card-service.dlt");
  }

  private static List<Schema> allValueSchemas() {
    return Topics.ALL.stream().flatMap(topic -> topic.valueSchemas().stream()).toList();
  }

  private static void collectUndocumented(Schema schema, List<String> undocumented, Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return;
        }
        if (isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
        for (Schema.Field field : schema.getFields()) {
          if (isBlank(field.doc())) {
            undocumented.add(schema.getFullName() + "." + field.name());
          }
          collectUndocumented(field.schema(), undocumented, seen);
        }
      }
      case ENUM -> {
        if (seen.add(schema.getFullName()) && isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> collectUndocumented(branch, undocumented, seen));
      case ARRAY -> collectUndocumented(schema.getElementType(), undocumented, seen);
      case MAP -> collectUndocumented(schema.getValueType(), undocumented, seen);
      default -> { }
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
