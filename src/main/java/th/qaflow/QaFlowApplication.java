package th.qaflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QaFlowApplication {
  public static void main(String[] args) {
    SpringApplication.run(QaFlowApplication.class, args);
  }
}
