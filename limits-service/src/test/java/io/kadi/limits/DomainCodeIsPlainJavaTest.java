package io.kadi.limits;

import io.kadi.kit.testing.DomainCodeRules;
import org.junit.jupiter.api.Test;

class DomainCodeIsPlainJavaTest {

  @Test
  void domainCodeIsPlainJavaAndFeaturesHaveNoCycles() {
    DomainCodeRules.check("io.kadi.limits");
  }
}
