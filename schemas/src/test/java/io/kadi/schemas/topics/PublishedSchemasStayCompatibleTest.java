package io.kadi.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Every schema version ever published is kept under {@code src/test/resources/published-schemas/<full name>/vN.avsc}.
 * The current schema must be able to read all of them (BACKWARD_TRANSITIVE, as the registry would enforce), and
 * must itself be published: a changed schema fails here until it is saved as the next version.
 */
class PublishedSchemasStayCompatibleTest {

  private static final Path PUBLISHED = Path.of("src/test/resources/published-schemas");

  @Test
  void everyCurrentSchemaReadsEveryPublishedVersion() {
    List<String> problems = new ArrayList<>();
    for (Schema current : currentSchemas()) {
      problems.addAll(BackwardTransitiveCompatibility.problems(current, published(current)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyCurrentSchemaIsSavedAsItsLatestPublishedVersion() {
    List<String> unsaved = new ArrayList<>();
    for (Schema current : currentSchemas()) {
      List<Schema> versions = published(current);
      if (versions.isEmpty() || !versions.getLast().equals(current)) {
        unsaved.add("Save the current " + current.getFullName() + " as " + PUBLISHED.resolve(current.getFullName())
            .resolve("v" + (versions.size() + 1) + ".avsc") + ":\n" + current.toString(true));
      }
    }
    assertThat(unsaved).isEmpty();
  }

  private static List<Schema> currentSchemas() {
    return Topics.ALL.stream().flatMap(topic -> topic.valueSchemas().stream()).distinct().toList();
  }

  private static List<Schema> published(Schema current) {
    Path directory = PUBLISHED.resolve(current.getFullName());
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted(Comparator.comparingInt(PublishedSchemasStayCompatibleTest::versionOf))
          .map(PublishedSchemasStayCompatibleTest::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int versionOf(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
  }

  private static Schema parse(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
