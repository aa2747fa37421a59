package io.kadi.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.kadi.kit.web.ProblemErrorController;
import io.kadi.samples.handlers.ScopedHandlers;
import io.kadi.samples.handlers.UnscopedHandlers;
import org.junit.jupiter.api.Test;

class ApiRulesTest {

  @Test
  void handlersThatEachNameTheirScopePass() {
    EvaluationResult result = ApiRules.EVERY_HANDLER_NAMES_ITS_SCOPE.evaluate(classes(ScopedHandlers.class));

    assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
  }

  @Test
  void everyKindOfHandlerWithoutAScopeIsReported() {
    EvaluationResult result = ApiRules.EVERY_HANDLER_NAMES_ITS_SCOPE.evaluate(classes(UnscopedHandlers.class));

    assertThat(result.getFailureReport().getDetails())
        .hasSize(6)
        .allSatisfy(line -> assertThat(line).contains("UnscopedHandlers").contains("@RequiresScope"))
        .anySatisfy(line -> assertThat(line).contains(".any()"))
        .anySatisfy(line -> assertThat(line).contains(".get()"))
        .anySatisfy(line -> assertThat(line).contains(".post()"))
        .anySatisfy(line -> assertThat(line).contains(".put()"))
        .anySatisfy(line -> assertThat(line).contains(".delete()"))
        .anySatisfy(line -> assertThat(line).contains(".patch()"));
  }

  @Test
  void theKitsOwnHandlersAreLeftOut() {
    // The error controller's handler names no scope: errors are dispatched past the scope check.
    EvaluationResult result = ApiRules.EVERY_HANDLER_NAMES_ITS_SCOPE.evaluate(
        classes(ProblemErrorController.class, ScopedHandlers.class));

    assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
  }

  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }
}
