package th.qaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;

/**
 * A first upload into a slot inside a caller's transaction (a task completion with a file) must not
 * need a second pooled connection: with as many such completions at once as the pool has
 * connections, each held one and waited for another until the pool's 30 s timeout (the stall seen
 * under a burst of completions).
 */
@QaFlowTest
class DocumentPoolTest {
  static final DocumentFixture F = new DocumentFixture(2105);

  @Autowired Documents documents;
  @Autowired OrganisationImport imports;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void asManyFirstUploadsInCallersTransactionsAsThePoolHasConnectionsAllFinish() throws Exception {
    F.importInto(imports);
    int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    CyclicBarrier allHoldAConnection = new CyclicBarrier(connections);
    TransactionTemplate completion = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<DocumentVersion>> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        DocumentSlot slot =
            new DocumentSlot(F.school(1 + i % 2), 2569, "poolTest" + System.nanoTime() + "x" + i);
        byte[] content = DocumentFixture.pdf("upload " + i);
        uploads.add(
            pool.submit(
                () ->
                    completion.execute(
                        status -> {
                          // the caller's transaction holds its connection, as a task completion
                          // does
                          jdbc.sql("select count(*) from document").query(Long.class).single();
                          await(allHoldAConnection);
                          return documents.store(slot, "แผน.pdf", content, F.user("qa1"));
                        })));
      }
      for (Future<DocumentVersion> upload : uploads) {
        // far below the pool's 30 s connection timeout: a stall shows as a timeout here
        assertThat(upload.get(20, TimeUnit.SECONDS).version()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
