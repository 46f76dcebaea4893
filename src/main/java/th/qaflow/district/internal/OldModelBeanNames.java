package th.qaflow.district.internal;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean names that DistrictQaCycle models deployed before version 3 still call: {@code
 * ${districtCycles.…}} is now {@code ${districtCycleSteps.…}}. A district's cycle runs the whole
 * year on the version it started on, so the old name stays an alias of the same bean until no such
 * instance runs (docs/model-changes.md).
 */
@Configuration(proxyBeanMethods = false)
class OldModelBeanNames {
  static final String DISTRICT_CYCLE_STEPS = "districtCycleSteps";
  static final String DISTRICT_CYCLES_BEFORE_V3 = "districtCycles";

  @Bean
  static BeanFactoryPostProcessor districtCyclesAlias() {
    return beans -> beans.registerAlias(DISTRICT_CYCLE_STEPS, DISTRICT_CYCLES_BEFORE_V3);
  }
}
