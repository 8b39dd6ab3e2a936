package io.gxpflow.integration.connect;

import io.gxpflow.integration.SystemCalls;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Makes {@code gxp-mes}, {@code gxp-qms} and {@code gxp-crm} run with this application's {@link
 * SystemCalls}: after Camunda Connect's parse listener has given a service task its connector
 * behaviour, this one binds the task to the connector instance of this engine. Not registered in
 * Connect's registry ({@code Connectors}): that is one static map per JVM, refilled by
 * ServiceLoader at every engine start, so two engines (two Spring contexts in one test JVM) would
 * call through each other's clients. Which connectors a model may use is decided at deployment
 * ({@link SystemConnectors}); the starter applies every ProcessEnginePlugin bean.
 */
@Component
public class SystemConnectorsPlugin extends AbstractProcessEnginePlugin {

  private final Map<String, SystemConnector> connectors;

  public SystemConnectorsPlugin(SystemCalls calls) {
    this.connectors =
        SystemConnectors.ids().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    id ->
                        new SystemConnector(
                            id, SystemConnectors.systemOf(id).orElseThrow(), calls)));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseServiceTask(
                  Element serviceTask, ScopeImpl scope, ActivityImpl activity) {
                Element connector =
                    BpmnParseUtil.findCamundaExtensionElement(serviceTask, "connector");
                Element id = connector == null ? null : connector.element("connectorId");
                SystemConnector ours = id == null ? null : connectors.get(id.getText().trim());
                if (ours != null) {
                  activity.setActivityBehavior(
                      new SystemConnectorBehavior(ours, BpmnParseUtil.parseInputOutput(connector)));
                }
              }
            });
  }
}
