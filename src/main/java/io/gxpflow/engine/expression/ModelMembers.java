package io.gxpflow.engine.expression;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.joda.time.ReadableInstant;
import org.joda.time.ReadablePartial;
import org.joda.time.ReadablePeriod;

/**
 * The allow-list of what an expression in a deployed model may touch on a value: every decision of
 * {@link ModelExpressionManager} about a method call or a property read ends here. Anything not allowed here is
 * out of reach, whatever its name; there is no list of forbidden names to get around.
 *
 * <ul>
 *   <li>the case the expression runs in ({@code execution}, {@code task}): its ids, names, dates and variables,
 *       never the engine behind it ({@code getProcessEngineServices}, {@code getProcessEngine}, the model
 *       instance);
 *   <li>plain values (text, numbers, booleans, dates, lists and maps): their own public methods, so
 *       {@code list.isEmpty()} and {@code text.length()} work;
 *   <li>beans the project exposes to models ({@link ModelBeans}): their own public methods.
 * </ul>
 * Methods of {@code java.lang.Object} other than {@code toString}, {@code equals} and {@code hashCode} are never
 * callable, so {@code getClass()} — the door to reflection — stays shut on every value. Whatever a call returns is
 * judged again by its own type: a stream or an array returned by an allowed method is a dead end.
 */
final class ModelMembers {

  /** Members of {@code execution} and {@code task} a model may read or call, as method names. */
  static final Set<String> CASE_METHODS = Set.of(
      "getVariable", "getVariableLocal", "getVariables", "getVariablesLocal", "getVariableNames",
      "getVariableNamesLocal", "hasVariable", "hasVariableLocal", "hasVariables", "hasVariablesLocal",
      "setVariable", "setVariableLocal", "removeVariable", "removeVariableLocal",
      "getId", "getBusinessKey", "getProcessBusinessKey", "getProcessInstanceId", "getProcessDefinitionId",
      "getActivityInstanceId", "getCurrentActivityId", "getCurrentActivityName", "getCurrentTransitionId",
      "getEventName", "getParentId", "getTenantId", "getExecutionId", "getName", "getDescription", "getAssignee",
      "getOwner", "getTaskDefinitionKey", "getDueDate", "getFollowUpDate", "getCreateTime", "getLastUpdated",
      "getPriority", "getDeleteReason");

  /** Plain values: what a variable of a form or a decision holds. */
  private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Boolean.class, Character.class,
      Number.class, Date.class, TemporalAccessor.class, TemporalAmount.class, Collection.class, Map.class,
      Map.Entry.class, ReadableInstant.class, ReadablePartial.class, ReadablePeriod.class);

  private static final Set<String> OBJECT_METHODS_ALLOWED = Set.of("toString", "equals", "hashCode");

  private ModelMembers() {}

  static boolean isPlainValue(Object value) {
    return VALUE_TYPES.stream().anyMatch(type -> type.isInstance(value));
  }

  static boolean isCase(Object value) {
    return value instanceof VariableScope;
  }

  /** May a model call {@code method} on {@code base}, a value reached by an expression? */
  static boolean mayCall(Object base, Method method, boolean exposedBean) {
    if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
      return false;
    }
    if (method.getDeclaringClass() == Object.class) {
      return OBJECT_METHODS_ALLOWED.contains(method.getName());
    }
    if (isCase(base)) {
      return CASE_METHODS.contains(method.getName());
    }
    return exposedBean || isPlainValue(base);
  }

  /** May a model call some method of this name on {@code base}? */
  static boolean mayCall(Object base, String methodName, boolean exposedBean) {
    return Arrays.stream(base.getClass().getMethods())
        .anyMatch(method -> method.getName().equals(methodName) && mayCall(base, method, exposedBean));
  }

  /** May a model read the property {@code name} of {@code base} (through its getter)? */
  static boolean mayRead(Object base, String name, boolean exposedBean) {
    if (name.isEmpty()) {
      return false;
    }
    String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return Arrays.stream(base.getClass().getMethods())
        .filter(method -> method.getParameterCount() == 0)
        .filter(method -> method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised))
        .anyMatch(method -> mayCall(base, method, exposedBean));
  }

  /**
   * Every member name a model could use on some value, as a method or a property: the deploy-time check refuses
   * a name outside this set before the model is stored ({@code getClass}, {@code forName}, {@code exec}, …).
   */
  static Set<String> knownMemberNames(Collection<Class<?>> exposedBeanTypes) {
    Set<String> names = new TreeSet<>();
    CASE_METHODS.forEach(method -> addMethodAndProperty(names, method));
    OBJECT_METHODS_ALLOWED.forEach(names::add);
    for (Class<?> type : VALUE_TYPES) {
      addPublicMethods(names, type);
    }
    addPublicMethods(names, java.util.List.class);
    addPublicMethods(names, java.math.BigDecimal.class);
    addPublicMethods(names, Integer.class);
    addPublicMethods(names, Long.class);
    addPublicMethods(names, Double.class);
    addPublicMethods(names, java.time.LocalDate.class);
    addPublicMethods(names, java.time.OffsetDateTime.class);
    addPublicMethods(names, java.time.Instant.class);
    addPublicMethods(names, org.joda.time.DateTime.class);
    exposedBeanTypes.forEach(type -> addPublicMethods(names, type));
    return names;
  }

  private static void addPublicMethods(Set<String> names, Class<?> type) {
    for (Method method : type.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
        addMethodAndProperty(names, method.getName());
      }
    }
  }

  private static void addMethodAndProperty(Set<String> names, String method) {
    names.add(method);
    String property = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2)
        : "";
    if (!property.isEmpty()) {
      names.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
    }
  }
}
