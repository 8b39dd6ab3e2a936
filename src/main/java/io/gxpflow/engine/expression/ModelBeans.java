package io.gxpflow.engine.expression;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;

/**
 * The Spring beans a deployed model may name in an expression: the project's own delegates and
 * listeners (beans of the {@code io.gxpflow} code that implement {@link JavaDelegate}, {@link
 * ExecutionListener} or {@link TaskListener}) and beans marked {@link ExposedToModels}. Every other
 * bean — {@code jdbcTemplate}, {@code identityService}, {@code runtimeService}, the data source —
 * does not exist for a model.
 */
public final class ModelBeans {

  private static final String PROJECT_PACKAGE = "io.gxpflow.";

  private final ApplicationContext context;

  /**
   * Bean name → the bean, or empty when the name is no bean a model may use; asked once per name.
   */
  private final Map<String, Optional<Object>> decided = new ConcurrentHashMap<>();

  public ModelBeans(ApplicationContext context) {
    this.context = context;
  }

  /** The exposed bean of that name, or empty (no such bean, or one that models may not use). */
  public Optional<Object> find(String name) {
    return decided.computeIfAbsent(name, this::decide);
  }

  public boolean isExposed(Object bean) {
    return bean != null
        && decided.values().stream().anyMatch(exposed -> exposed.orElse(null) == bean);
  }

  /**
   * A Spring bean of that name exists, exposed or not (the deploy-time check names the refused
   * ones).
   */
  public boolean isBean(String name) {
    return context.containsBean(name);
  }

  private Optional<Object> decide(String name) {
    if (!context.containsBean(name)) {
      return Optional.empty();
    }
    boolean delegateOrListener =
        context.isTypeMatch(name, JavaDelegate.class)
            || context.isTypeMatch(name, ExecutionListener.class)
            || context.isTypeMatch(name, TaskListener.class);
    boolean marked = context.findAnnotationOnBean(name, ExposedToModels.class) != null;
    if (!delegateOrListener && !marked) {
      return Optional.empty();
    }
    Object bean = context.getBean(name);
    // a delegate of a library on the classpath is not the project's to offer
    return AopUtils.getTargetClass(bean).getName().startsWith(PROJECT_PACKAGE)
        ? Optional.of(bean)
        : Optional.empty();
  }
}
