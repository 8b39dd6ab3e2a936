package io.gxpflow.compliance.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.gxpflow.compliance.validation.CamundaForm;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A deployment-bound form is parsed once per process definition and element; any other binding is
 * read anew.
 */
class DeployedFormsTest {

  private static final String FORM =
      """
      {"id": "f", "type": "default", "components": [{"key": "decision", "type": "textfield", "label": "Decision"}]}
      """;

  private final AtomicInteger loads = new AtomicInteger();

  private CamundaForm load() {
    loads.incrementAndGet();
    return CamundaForm.parse(FORM);
  }

  @Test
  void aFormBoundToItsDeploymentIsLoadedOncePerDefinitionAndElement() {
    String definition = "deviation-capa:7:" + UUID.randomUUID();
    CamundaForm first =
        DeployedForms.cached(definition, "Task_QaApproval", "deployment", this::load);
    CamundaForm again =
        DeployedForms.cached(definition, "Task_QaApproval", "deployment", this::load);
    DeployedForms.cached(definition, "Task_Closure", "deployment", this::load);
    DeployedForms.cached(
        "deviation-capa:8:" + UUID.randomUUID(), "Task_QaApproval", "deployment", this::load);

    assertThat(again).isSameAs(first);
    assertThat(loads).hasValue(3);
  }

  @Test
  void aFormBoundToLatestOrAVersionIsReadEachTimeAsTheNextDeploymentMayChangeIt() {
    String definition = "deviation-capa:7:" + UUID.randomUUID();
    DeployedForms.cached(definition, "Task_QaApproval", "latest", this::load);
    DeployedForms.cached(definition, "Task_QaApproval", "latest", this::load);
    DeployedForms.cached(definition, "Task_QaApproval", "version", this::load);

    assertThat(loads).hasValue(3);
  }
}
