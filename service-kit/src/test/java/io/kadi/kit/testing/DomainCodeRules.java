package io.kadi.kit.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules every service's code follows, checked with ArchUnit: domain code is plain Java (no Spring, no Kafka,
 * Avro or SQL: records are mapped to domain types in kafka/ and rows in persistence/; of the kit, only the money
 * package, plain Java and the one table of ISO 4217 exponents), and feature packages depend on each other without
 * cycles.
 */
public final class DomainCodeRules {

  private DomainCodeRules() {}

  /** Checks the service's main classes under its root package, for example {@code io.kadi.limits}. */
  public static void check(String rootPackage) {
    JavaClasses service = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage);
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .check(service);
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat(resideInAnyPackage("org.apache.kafka..", "org.apache.avro..", "java.sql..",
                "io.kadi.events..", "io.kadi.commands..", "io.kadi.schemas..", "io.kadi.kit..")
            .and(not(resideInAPackage("io.kadi.kit.money.."))))
        .check(service);
    slices().matching(rootPackage + ".(*).(*)..").should().beFreeOfCycles().check(service);
  }
}
