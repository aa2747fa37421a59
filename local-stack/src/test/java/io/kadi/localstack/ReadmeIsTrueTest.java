package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.schemas.topics.KadiTopic;
import io.kadi.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's topics table is the topic catalogue, neither more nor less. */
class ReadmeIsTrueTest {

  static final Path README = Path.of("..", "README.md");

  @Test
  void theTopicsTableListsEveryCatalogueTopicWithItsRecordTypes() throws IOException {
    Map<String, String> documented = Files.readAllLines(README).stream()
        .filter(line -> line.startsWith("| `kadi."))
        .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
        .collect(Collectors.toMap(cells -> cells.get(1).replace("`", ""), cells -> cells.get(4)));
    Map<String, String> catalogue = Topics.ALL.stream().collect(Collectors.toMap(KadiTopic::name,
        topic -> topic.valueTypes().stream().map(Class::getSimpleName).collect(Collectors.joining(", "))));

    assertThat(documented).isEqualTo(catalogue);
  }
}
