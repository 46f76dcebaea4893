package th.qaflow.monitoring.internal;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The one command that rebuilds the read model from the engine's history: {@code
 * --qaflow.monitoring.rebuild=true} rebuilds and exits (see docs/monitoring.md). Without it, a
 * start with an empty read model but existing history (first start after installing this module)
 * rebuilds once, so the dashboards show the existing years.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RebuildOnStart implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

  private final ReadModelRebuild rebuild;
  private final StageStatusTable table;
  private final HistoryService history;
  private final ConfigurableApplicationContext context;
  private final boolean rebuildAndExit;

  RebuildOnStart(
      ReadModelRebuild rebuild,
      StageStatusTable table,
      @Lazy HistoryService history,
      ConfigurableApplicationContext context,
      @Value("${qaflow.monitoring.rebuild:false}") boolean rebuildAndExit) {
    this.rebuild = rebuild;
    this.table = table;
    this.history = history;
    this.context = context;
    this.rebuildAndExit = rebuildAndExit;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (rebuildAndExit) {
      int rows = rebuild.rebuild();
      log.info("qaflow.monitoring.rebuild: {} rows written; exiting", rows);
      System.exit(SpringApplication.exit(context, () -> 0));
    }
    if (table.count() == 0 && history.createHistoricTaskInstanceQuery().count() > 0) {
      rebuild.rebuild();
    }
  }
}
