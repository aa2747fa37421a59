package io.kadi.audit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.kadi.kit.testing.ApiRules;

@AnalyzeClasses(packages = "io.kadi.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** A handler without a scope would be refused to everyone at run time: found here instead. */
  @ArchTest
  static final ArchRule everyHandlerNamesItsScope = ApiRules.EVERY_HANDLER_NAMES_ITS_SCOPE;
}
