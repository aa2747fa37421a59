package io.kadi.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.lang.ArchRule;
import io.kadi.kit.security.RequiresScope;
import org.springframework.web.bind.annotation.RequestMapping;

/** The house rules of every service's REST handlers, checked with ArchUnit. */
public final class ApiRules {

  /**
   * Every handler method ({@code @RequestMapping}, or {@code @GetMapping}, {@code @PostMapping} and the rest, which
   * carry it) names the scope it needs. The kit refuses a handler without one to everyone, so a forgotten annotation
   * would only show as a 403 at run time; this finds it at build time. The kit's own handlers (its error controller,
   * its test application) are left out.
   */
  public static final ArchRule EVERY_HANDLER_NAMES_ITS_SCOPE = methods()
      .that().areDeclaredInClassesThat().resideOutsideOfPackage("io.kadi.kit..")
      .and().areMetaAnnotatedWith(RequestMapping.class)
      .should().beAnnotatedWith(RequiresScope.class)
      .because("a handler without @RequiresScope is refused to every client (see ScopeInterceptor)");

  private ApiRules() {}
}
