package io.kadi.risk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainCodeIsPlainJavaTest {

  private static final JavaClasses SERVICE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.kadi.risk");

  @Test
  void domainCodeDoesNotDependOnSpring() {
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .check(SERVICE);
  }

  @Test
  void domainCodeKnowsNothingOfKafkaAvroOrSql() {
    // Records are mapped to domain types at the edge (kafka/), and rows in persistence/. Of the kit, only money is
    // allowed: plain Java, and the one table of ISO 4217 exponents Kadi keeps.
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..", "java.sql..",
            "io.kadi.events..", "io.kadi.commands..", "io.kadi.schemas..",
            "io.kadi.kit.context..", "io.kadi.kit.inbox..", "io.kadi.kit.outbox..", "io.kadi.kit.kafka..", "io.kadi.kit.web..",
            "io.kadi.kit.db..")
        .check(SERVICE);
  }

  @Test
  void featurePackagesDependOnEachOtherWithoutCycles() {
    slices().matching("io.kadi.risk.(*).(*)..").should().beFreeOfCycles().check(SERVICE);
  }
}
