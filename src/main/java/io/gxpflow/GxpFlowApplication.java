package io.gxpflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** GxP Flow: governed pharma processes on an embedded Camunda 7 engine. */
@SpringBootApplication
public class GxpFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(GxpFlowApplication.class, args);
  }
}
