package io.gxpflow.engine.expression;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression language, narrowed for models that come from outside (Camunda Modeler,
 * REST). Camunda's Spring integration lets an expression reach every bean of the application and
 * call any method of any object — {@code ${''.getClass().forName('java.lang.Runtime')…}}, {@code
 * ${jdbcTemplate…}}, {@code ${identityService…}}. Here an expression resolves, in order: the case's
 * variables and {@code execution}/{@code task} ({@link VariableScopeElResolver}), a decision's
 * variables, test mocks, the beans exposed to models ({@link ModelBeans}), list/map/array access,
 * and finally methods and properties within {@link ModelMembers}. Functions: {@code now()}, {@code
 * dateTime()}, {@code currentUser()}, {@code currentUserGroups()} only.
 *
 * <p>The same manager evaluates JUEL inside DMN decisions (the engine hands it to the DMN engine),
 * timers, listeners, conditions and input/output mappings: whatever part of a model runs, it runs
 * with these limits.
 */
public class ModelExpressionManager extends JuelExpressionManager {

  /**
   * Camunda's own functions a model may use; Spin's {@code S()}, {@code XML()}, {@code JSON()} are
   * not among them.
   */
  static final Set<String> FUNCTIONS =
      Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private final ModelBeans beans;
  private final Map<String, Method> allowedFunctions = new ConcurrentHashMap<>();

  public ModelExpressionManager(ModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public void addFunction(String name, Method function) {
    super.addFunction(name, function);
    if (FUNCTIONS.contains(name)) {
      allowedFunctions.put(name, function);
    }
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    // empty unless a test registers mocks (camunda-bpm-assert's Mocks)
    resolver.add(new MockElResolver());
    resolver.add(new ModelElResolvers.ExposedBeans(beans));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new ModelElResolvers.AllowListedMembers(beans));
    return resolver;
  }

  @Override
  protected FunctionMapper createFunctionMapper() {
    return new FunctionMapper() {
      @Override
      public Method resolveFunction(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? allowedFunctions.get(localName) : null;
      }
    };
  }
}
