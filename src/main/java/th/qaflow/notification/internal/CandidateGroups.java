package th.qaflow.notification.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The candidate groups of many tasks in one query. The engine's API reads them a task at a time
 * ({@code TaskService.getIdentityLinksForTask}), which made the reminder scan one query per open
 * task. This reads the engine's identity-link table directly, read-only, through the table name the
 * engine itself reports (so a table prefix is respected).
 */
public class CandidateGroups {
  private final JdbcTemplate jdbc;
  private final String table;

  public CandidateGroups(DataSource dataSource, ManagementService management) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.table = management.getTableName(IdentityLinkEntity.class);
  }

  /** Each task's candidate groups, in a stable order; a task without any maps to an empty list. */
  public Map<String, List<String>> of(Collection<String> taskIds) {
    Map<String, List<String>> result = new HashMap<>();
    if (taskIds.isEmpty()) {
      return result;
    }
    for (String id : taskIds) {
      result.put(id, new ArrayList<>());
    }
    jdbc.query(
        "select TASK_ID_, GROUP_ID_ from "
            + table
            + " where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in ("
            + String.join(",", Collections.nCopies(taskIds.size(), "?"))
            + ") order by TASK_ID_, GROUP_ID_",
        rs -> {
          result.get(rs.getString(1)).add(rs.getString(2));
        },
        taskIds.toArray());
    return result;
  }
}
