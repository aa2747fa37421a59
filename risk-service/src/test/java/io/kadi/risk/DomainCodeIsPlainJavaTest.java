package io.kadi.risk;

import io.kadi.kit.testing.DomainCodeRules;
import org.junit.jupiter.api.Test;

class DomainCodeIsPlainJavaTest {

  @Test
  void domainCodeIsPlainJavaAndFeaturesHaveNoCycles() {
    DomainCodeRules.check("io.kadi.risk");
  }
}
