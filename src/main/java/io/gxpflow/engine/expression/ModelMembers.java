package io.gxpflow.engine.expression;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.joda.time.DateTime;

/**
 * The allow-list of what an expression in a deployed model may touch on a value: every decision of
 * {@link ModelExpressionManager} about a method call or a property read ends here. Anything not
 * allowed here is out of reach, whatever its name; there is no list of forbidden names to get
 * around.
 *
 * <ul>
 *   <li>the case the expression runs in ({@code execution}, {@code task}): its ids, names, dates
 *       and variables, never the engine behind it ({@code getProcessEngineServices}, {@code
 *       getProcessEngine}, the model instance);
 *   <li>plain values: numbers, booleans and dates ({@code java.time}, Joda) with their own public
 *       methods; text with a short list of methods (no regular expressions, no {@code repeat}:
 *       nothing a model could make run for hours); lists, sets and maps with the methods of those
 *       interfaces only. So {@code list.isEmpty()} and {@code text.length()} work;
 *   <li>beans the project exposes to models ({@link ModelBeans}): their own public methods.
 * </ul>
 *
 * Methods of {@code java.lang.Object} other than {@code toString}, {@code equals} and {@code
 * hashCode} are never callable, so {@code getClass()} — the door to reflection — stays shut on
 * every value. Whatever a call returns is judged again by its own type: a stream or an array
 * returned by an allowed method is a dead end.
 */
final class ModelMembers {

  /** Members of {@code execution} and {@code task} a model may read or call, as method names. */
  static final Set<String> CASE_METHODS =
      Set.of(
          "getVariable",
          "getVariableLocal",
          "getVariables",
          "getVariablesLocal",
          "getVariableNames",
          "getVariableNamesLocal",
          "hasVariable",
          "hasVariableLocal",
          "hasVariables",
          "hasVariablesLocal",
          "setVariable",
          "setVariableLocal",
          "removeVariable",
          "removeVariableLocal",
          "getId",
          "getBusinessKey",
          "getProcessBusinessKey",
          "getProcessInstanceId",
          "getProcessDefinitionId",
          "getActivityInstanceId",
          "getCurrentActivityId",
          "getCurrentActivityName",
          "getCurrentTransitionId",
          "getEventName",
          "getParentId",
          "getTenantId",
          "getExecutionId",
          "getName",
          "getDescription",
          "getAssignee",
          "getOwner",
          "getTaskDefinitionKey",
          "getDueDate",
          "getFollowUpDate",
          "getCreateTime",
          "getLastUpdated",
          "getPriority",
          "getDeleteReason");

  /**
   * Plain values: what a variable of a form or a decision holds, as exact JDK classes (no subclass
   * tricks).
   */
  private static final Set<Class<?>> VALUE_CLASSES =
      Set.of(
          Boolean.class,
          Character.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class,
          Date.class);

  /**
   * Text: what a condition or a mapping needs, and nothing that loops on its input (regular
   * expressions, repeat).
   */
  private static final Set<String> STRING_METHODS =
      Set.of(
          "length",
          "isEmpty",
          "isBlank",
          "contains",
          "startsWith",
          "endsWith",
          "equalsIgnoreCase",
          "compareTo",
          "compareToIgnoreCase",
          "toUpperCase",
          "toLowerCase",
          "trim",
          "strip",
          "substring",
          "indexOf",
          "lastIndexOf",
          "charAt",
          "concat");

  /**
   * Lists, sets and maps are judged by the interface they offer, whatever class holds them: a
   * collection class with extra public methods (some of the JDK's instantiate classes) offers only
   * these.
   */
  private static final List<Class<?>> CONTAINER_INTERFACES =
      List.of(List.class, Set.class, Collection.class, Map.class, Map.Entry.class);

  /** Date and time types whose every method is about that date or time. */
  private static final Set<String> TIME_PACKAGES = Set.of("java.time", "org.joda.time");

  private static final Set<String> OBJECT_METHODS_ALLOWED =
      Set.of("toString", "equals", "hashCode");

  /**
   * What plain values and the case offer, worked out once; the deploy check adds the beans an
   * expression names.
   */
  private static final Set<String> VALUE_MEMBER_NAMES = valueMemberNames();

  /**
   * Decisions asked while expressions run, by the value's class: a gateway condition asks the same
   * question for every case that passes, and the answer depends on the class alone.
   */
  private static final Map<Question, Boolean> DECIDED = new ConcurrentHashMap<>();

  /** {@code arguments} is -1 for a property read. */
  private record Question(Class<?> type, String member, int arguments, boolean exposedBean) {}

  private ModelMembers() {}

  static boolean isPlainValue(Object value) {
    return value instanceof String
        || VALUE_CLASSES.contains(value.getClass())
        || isTime(value)
        || CONTAINER_INTERFACES.stream().anyMatch(type -> type.isInstance(value));
  }

  private static boolean isTime(Object value) {
    return TIME_PACKAGES.contains(value.getClass().getPackageName());
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
    if (exposedBean) {
      return true;
    }
    if (base instanceof String) {
      return STRING_METHODS.contains(method.getName())
          || OBJECT_METHODS_ALLOWED.contains(method.getName());
    }
    if (VALUE_CLASSES.contains(base.getClass()) || isTime(base)) {
      return true;
    }
    return CONTAINER_INTERFACES.stream()
        .filter(type -> type.isInstance(base))
        .anyMatch(type -> declares(type, method));
  }

  private static boolean declares(Class<?> type, Method method) {
    try {
      type.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * May a model call the method of this name with {@code arguments} arguments on {@code base}?
   * Every public overload the call could land on must be allowed: the engine, not this check, picks
   * among them.
   */
  static boolean mayCall(Object base, String methodName, int arguments, boolean exposedBean) {
    return DECIDED.computeIfAbsent(
        new Question(base.getClass(), methodName, arguments, exposedBean),
        question -> decideCall(base, methodName, arguments, exposedBean));
  }

  private static boolean decideCall(
      Object base, String methodName, int arguments, boolean exposedBean) {
    List<Method> candidates =
        Arrays.stream(base.getClass().getMethods())
            .filter(method -> method.getName().equals(methodName))
            .filter(method -> method.getParameterCount() == arguments || method.isVarArgs())
            .toList();
    return !candidates.isEmpty()
        && candidates.stream().allMatch(method -> mayCall(base, method, exposedBean));
  }

  /** May a model read the property {@code name} of {@code base} (through its getter)? */
  static boolean mayRead(Object base, String name, boolean exposedBean) {
    return !name.isEmpty()
        && DECIDED.computeIfAbsent(
            new Question(base.getClass(), name, -1, exposedBean),
            question -> decideRead(base, name, exposedBean));
  }

  private static boolean decideRead(Object base, String name, boolean exposedBean) {
    String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return Arrays.stream(base.getClass().getMethods())
        .filter(method -> method.getParameterCount() == 0)
        .filter(
            method ->
                method.getName().equals("get" + capitalised)
                    || method.getName().equals("is" + capitalised))
        .anyMatch(method -> mayCall(base, method, exposedBean));
  }

  /**
   * Every member name a model could use on some value, as a method or a property: the deploy-time
   * check refuses a name outside this set before the model is stored ({@code getClass}, {@code
   * forName}, {@code exec}, …).
   */
  static Set<String> knownMemberNames(Collection<Class<?>> exposedBeanTypes) {
    if (exposedBeanTypes.isEmpty()) {
      return VALUE_MEMBER_NAMES;
    }
    Set<String> names = new TreeSet<>(VALUE_MEMBER_NAMES);
    exposedBeanTypes.forEach(type -> addPublicMethods(names, type));
    return names;
  }

  private static Set<String> valueMemberNames() {
    Set<String> names = new TreeSet<>();
    CASE_METHODS.forEach(method -> addMethodAndProperty(names, method));
    OBJECT_METHODS_ALLOWED.forEach(names::add);
    STRING_METHODS.forEach(names::add);
    for (Class<?> type : VALUE_CLASSES) {
      addPublicMethods(names, type);
    }
    CONTAINER_INTERFACES.forEach(type -> addPublicMethods(names, type));
    for (Class<?> type :
        List.of(
            java.time.LocalDate.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class,
            Instant.class,
            Duration.class,
            Period.class,
            DateTime.class,
            org.joda.time.LocalDate.class)) {
      addPublicMethods(names, type);
    }
    return Collections.unmodifiableSet(names);
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
    String property =
        method.startsWith("get")
            ? method.substring(3)
            : method.startsWith("is") ? method.substring(2) : "";
    if (!property.isEmpty()) {
      names.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
    }
  }
}
