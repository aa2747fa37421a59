package io.kadi.limits;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainCodeIsPlainJavaTest {

  private static final JavaClasses SERVICE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.kadi.limits");

  @Test
  void domainCodeDoesNotDependOnSpring() {
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .check(SERVICE);
  }

  @Test
  void domainCodeKnowsNothingOfKafkaAvroOrSql() {
    // Records are mapped to domain types at the edge (kafka/), and rows in persistence/. The kit's money package is
    // plain Java (ISO 4217 exponents), and the domain uses it to show amounts.
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat(resideInAnyPackage("org.apache.kafka..", "org.apache.avro..", "java.sql..", "io.kadi.kit..")
            .and(not(resideInAPackage("io.kadi.kit.money.."))))
        .check(SERVICE);
  }

  @Test
  void featurePackagesDependOnEachOtherWithoutCycles() {
    slices().matching("io.kadi.limits.(*).(*)..").should().beFreeOfCycles().check(SERVICE);
  }
}
