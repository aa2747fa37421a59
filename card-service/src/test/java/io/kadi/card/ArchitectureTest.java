package io.kadi.card;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.kadi.kit.testing.ApiRules;

@AnalyzeClasses(packages = "io.kadi.card", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Domain code is plain Java: no framework, no wire formats. Integration events are mapped at the edge. */
  @ArchTest
  static final ArchRule noSpringOrAvroInTheDomain = noClasses()
      .that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "org.apache.avro..", "org.apache.kafka..", "tools.jackson..",
          "io.kadi.events..", "io.kadi.commands..", "jakarta..");

  /** Only the kafka adapters speak Avro. */
  @ArchTest
  static final ArchRule avroStaysInTheKafkaAdapters = noClasses()
      .that().resideOutsideOfPackage("..kafka..")
      .should().dependOnClassesThat().resideInAnyPackage("io.kadi.events..", "io.kadi.commands..");

  /** A handler without a scope would be refused to everyone at run time: found here instead. */
  @ArchTest
  static final ArchRule everyHandlerNamesItsScope = ApiRules.EVERY_HANDLER_NAMES_ITS_SCOPE;
}
