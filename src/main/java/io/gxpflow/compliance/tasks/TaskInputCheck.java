package io.gxpflow.compliance.tasks;

import io.gxpflow.compliance.validation.FieldViolation;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** Checks what a client submits to a task; {@code completing} adds the required-field checks. */
public interface TaskInputCheck {

  List<FieldViolation> check(TaskEntity task, Map<String, Object> submitted, boolean completing);
}
