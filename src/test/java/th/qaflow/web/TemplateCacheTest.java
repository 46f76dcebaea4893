package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import th.qaflow.QaFlowTest;

/**
 * The default (demo) profile parses each template once: parsing them again on every request made
 * the district dashboard slow under load (docs/benchmarks/stalls.md). Only the dev profile re-reads
 * them.
 */
@QaFlowTest
class TemplateCacheTest {
  @Autowired SpringResourceTemplateResolver templates;

  @Test
  void templatesAreCachedOutsideTheDevProfile() {
    assertThat(templates.isCacheable()).isTrue();
  }
}
