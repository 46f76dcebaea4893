package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;

/**
 * The demo's embedded mail server (GreenMail, as EmbeddedMailServer configures it) must not burn
 * CPU for IMAP connections that a client dropped: GreenMail 2.1.5 spun a handler thread at 100% per
 * dropped connection until restart. Opens a few IMAP sessions, drops them mid-command, and checks
 * with ThreadMXBean that the CPU time of the IMAP handler threads stops growing (and the handlers
 * end).
 */
@QaFlowTest
class EmbeddedMailServerTest {
  @Autowired GreenMail mail;

  @Test
  void droppedImapConnectionsLeaveNoSpinningThread() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadCpuTimeSupported()).isTrue();
    threads.setThreadCpuTimeEnabled(true);
    int port = mail.getImap().getPort();
    for (int i = 0; i < 3; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(mail.getImap().getBindTo(), port), 2000);
        s.setSoTimeout(2000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        assertThat(readLine(in)).startsWith("* OK"); // the greeting: a live IMAP session
        assertThat(imapHandlerThreads()).as("the session's handler thread").isNotEmpty();
        if (i >= 1) {
          out.write(("a" + i + " NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          assertThat(readLine(in)).contains("NOOP");
        }
        if (i == 2) {
          out.write(
              ("b" + i + " LOGIN someone")
                  .getBytes(StandardCharsets.US_ASCII)); // half a command ...
          out.flush();
        }
      } // ... and the client is gone: right after the greeting, between commands, mid-command
    }
    Thread.sleep(500); // the handlers see the end of their streams
    long before = imapHandlerCpuNanos(threads);
    Thread.sleep(1500);
    long burnt = imapHandlerCpuNanos(threads) - before;
    assertThat(burnt)
        .as("CPU ns used by IMAP handler threads in 1.5 s after the clients left")
        .isLessThan(100_000_000L);
    assertThat(imapHandlerThreads()).as("IMAP handler threads still alive").isEmpty();
  }

  /** GreenMail names a connection's handler thread "imap:host:port<-/client:port". */
  static long imapHandlerCpuNanos(ThreadMXBean mx) {
    return imapHandlerThreads().stream()
        .mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.getId())))
        .sum();
  }

  static java.util.List<Thread> imapHandlerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("imap") && t.getName().contains("<-") && t.isAlive())
        .toList();
  }

  static String readLine(InputStream in) throws Exception {
    byte[] buf = new byte[1024];
    int n = 0;
    int c;
    while ((c = in.read()) >= 0 && c != '\n' && n < buf.length) {
      buf[n++] = (byte) c;
    }
    return new String(Arrays.copyOf(buf, n), StandardCharsets.US_ASCII);
  }
}
