package th.qaflow.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.support.EmbeddedPostgresExtension;

/**
 * Two nodes making the unsubscribe key at the same moment, on PostgreSQL. The key is made by the
 * first mail that needs it, inside the deciding transaction (the reminder scan's digests); the node
 * that loses the race must read the other node's key, and its transaction must go on. PostgreSQL
 * aborts a transaction at a failed insert, so catching the duplicate key there is not enough.
 */
class TokensKeyRaceTest {
  @RegisterExtension
  static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

  @Test
  void theNodeThatLosesTheRaceToMakeTheKeyUsesTheOthersInsideItsTransaction() throws Exception {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", "");
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "create table notification_key (id integer primary key, secret varchar(100) not null)");
    }
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    ExecutorService thisNode = Executors.newSingleThreadExecutor();
    try (Connection otherNode = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        // pg_stat_activity is read once per transaction: poll it outside the other node's
        Connection observer = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
      // the other node has written its key and not yet committed
      otherNode.setAutoCommit(false);
      otherNode
          .createStatement()
          .executeUpdate("insert into notification_key (id, secret) values (1, 'theirs')");

      Future<String> signature =
          thisNode.submit(
              () ->
                  tx.execute(
                      status -> {
                        String sig = new Tokens(dataSource).unsubscribeSignature("qa1");
                        // the transaction goes on, as the scan's digest transaction does
                        new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                            .queryForObject("select count(*) from notification_key", Integer.class);
                        return sig;
                      }));
      // this node's insert waits for the other node's row
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (waitingOnLock(observer) == 0 && !signature.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (signature.isDone()) {
        signature.get(); // it failed: show why
      }
      assertThat(waitingOnLock(observer)).as("this node waits for the other's insert").isOne();
      otherNode.commit();

      assertThat(signature.get(20, TimeUnit.SECONDS))
          .as("signed with the other node's key")
          .isEqualTo(new Tokens(dataSource).unsubscribeSignature("qa1"));
      try (ResultSet rs =
          otherNode.createStatement().executeQuery("select secret from notification_key")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("theirs");
        assertThat(rs.next()).isFalse();
      }
    } finally {
      thisNode.shutdownNow();
    }
  }

  private static int waitingOnLock(Connection c) throws Exception {
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
