package io.gxpflow.engine.expression;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The two resolvers {@link ModelExpressionManager} puts where Spring's would reach every bean and
 * method.
 */
final class ModelElResolvers {

  private ModelElResolvers() {}

  /** Top-level names that are no variable: the exposed beans, nothing else. */
  static final class ExposedBeans extends ELResolver {
    private final ModelBeans beans;

    ExposedBeans(ModelBeans beans) {
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name) {
        var bean = beans.find(name);
        if (bean.isPresent()) {
          context.setPropertyResolved(true);
          return bean.get();
        }
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      Object value = getValue(context, base, property);
      return value == null ? null : value.getClass();
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base == null && property instanceof String name && beans.find(name).isPresent()) {
        throw new ExpressionRefused("a model may not replace the bean '" + name + "'");
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? String.class : null;
    }
  }

  /**
   * Methods and properties of values, within {@link ModelMembers}: Camunda's {@link BeanELResolver}
   * does the call, after the allow-list said yes. A refusal is an error of the step (an incident
   * for a job), never a quiet null.
   */
  static final class AllowListedMembers extends BeanELResolver {
    private final ModelBeans beans;

    AllowListedMembers(ModelBeans beans) {
      super(true);
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null || property == null) {
        return null;
      }
      String name = property.toString();
      if (!ModelMembers.mayRead(base, name, beans.isExposed(base))) {
        throw refused("read '" + name + "' of", base);
      }
      return super.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base == null || property == null) {
        return null;
      }
      if (!ModelMembers.mayRead(base, property.toString(), beans.isExposed(base))) {
        throw refused("read '" + property + "' of", base);
      }
      return super.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw refused("change '" + property + "' of", base);
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      if (base != null) {
        context.setPropertyResolved(true);
      }
      return true;
    }

    @Override
    public Object invoke(
        ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base == null || method == null) {
        return null;
      }
      String name = method.toString();
      if (!ModelMembers.mayCall(
          base, name, params == null ? 0 : params.length, beans.isExposed(base))) {
        throw refused("call '" + name + "' on", base);
      }
      return super.invoke(context, base, method, paramTypes, params);
    }

    private static ExpressionRefused refused(String what, Object base) {
      return new ExpressionRefused(
          "An expression in a model may not "
              + what
              + " "
              + describe(base)
              + ": models reach only their variables, plain values and the delegates GxP Flow exposes to them");
    }

    private static String describe(Object base) {
      if (ModelMembers.isCase(base)) {
        return "the case it runs in";
      }
      return ModelMembers.isPlainValue(base) ? "a plain value" : "this value";
    }
  }
}
