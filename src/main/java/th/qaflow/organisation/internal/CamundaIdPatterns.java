package th.qaflow.organisation.internal;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Camunda only accepts user and group ids matching {@code [a-zA-Z0-9]+|camunda-admin} by default,
 * but QA Flow's group names ({@link th.qaflow.organisation.Groups}) contain hyphens and user ids
 * may contain dots. This widens the patterns for users and groups (tenants and everything else keep
 * the default) before the engine is built, unless they were set explicitly (e.g. through {@code
 * camunda.bpm.generic-properties}).
 */
@Component
class CamundaIdPatterns implements BeanPostProcessor {

  /**
   * Letters and digits, then also dots, underscores and hyphens. The import checks user ids against
   * it.
   */
  static final String ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._-]*";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof ProcessEngineConfiguration configuration) {
      if (configuration.getUserResourceWhitelistPattern() == null) {
        configuration.setUserResourceWhitelistPattern(ID_PATTERN);
      }
      if (configuration.getGroupResourceWhitelistPattern() == null) {
        configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
      }
    }
    return bean;
  }
}
