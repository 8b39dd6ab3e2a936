package io.gxpflow.compliance.tasks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The compliance rules a model declares on a user task as {@code camunda:property} entries, so
 * process owners set them in Camunda Modeler: {@code signature.meaning}, {@code sod.notSameAs},
 * {@code validate.*}.
 */
public record UserTaskRules(Map<String, String> properties) {

  public static final String SIGNATURE_MEANING = "signature.meaning";
  public static final String SOD_NOT_SAME_AS = "sod.notSameAs";

  public static UserTaskRules of(DelegateTask task) {
    return of(task.getBpmnModelElementInstance());
  }

  /**
   * Of a user task, or of a start event (whose {@code validate.*} entries declare what a start may
   * set).
   */
  public static UserTaskRules of(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(group -> group.getCamundaProperties().stream())
          .filter(property -> property.getCamundaName() != null)
          .forEach(property -> properties.put(property.getCamundaName().trim(), valueOf(property)));
    }
    return new UserTaskRules(Map.copyOf(properties));
  }

  /**
   * The meaning the signer confirms, e.g. "Deviation closure approved"; null when the task is no
   * signature step.
   */
  public String signatureMeaning() {
    String meaning = properties.get(SIGNATURE_MEANING);
    return meaning == null || meaning.isBlank() ? null : meaning.trim();
  }

  public boolean isSignatureStep() {
    return signatureMeaning() != null;
  }

  /** Task definition keys (or {@code initiator}) whose performer may not perform this task. */
  public List<String> notSameAs() {
    String value = properties.get(SOD_NOT_SAME_AS);
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String valueOf(CamundaProperty property) {
    return property.getCamundaValue() == null ? "" : property.getCamundaValue();
  }
}
