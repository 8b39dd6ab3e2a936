package io.gxpflow.compliance.tasks;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Puts the compliance listener on every user task at deployment, so no model can leave it out. */
public class UserTaskListenerParseListener extends AbstractBpmnParseListener {

  private final TaskListener listener;

  public UserTaskListenerParseListener(TaskListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition definition =
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    for (String event :
        new String[] {
          TaskListener.EVENTNAME_CREATE,
          TaskListener.EVENTNAME_ASSIGNMENT,
          TaskListener.EVENTNAME_COMPLETE
        }) {
      definition.addBuiltInTaskListener(event, listener);
    }
  }
}
