package io.gxpflow.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.JavaCustomValueMapper;
import org.camunda.spin.Spin;

/**
 * FEEL, the language of DMN decisions, with plain values only. Camunda's FEEL engine turns a value
 * it has no FEEL type for (a {@code Set}, a Joda date, any Java object) into a context whose
 * methods FEEL may call by reflection — {@code s.getClass()} and from there anything, as an outside
 * tester showed with a decision that loaded {@code ProcessEngines} and made its author an
 * administrator. Here such a value becomes a FEEL error before FEEL sees it: decisions work on
 * text, numbers, booleans, dates, lists, maps and JSON, as they should.
 */
public final class PlainValuesFeel implements FeelEngineFactory {

  @Override
  public FeelEngine createInstance() {
    return new Engine();
  }

  /** Camunda's FEEL engine with {@link PlainValuesOnly} in front of its value mappers. */
  static final class Engine extends ScalaFeelEngine {
    Engine() {
      super(List.of());
    }

    @Override
    protected camundajar.impl.scala.collection.immutable.List<CustomValueMapper> getValueMappers() {
      return super.getValueMappers().$colon$colon(new PlainValuesOnly());
    }
  }

  /**
   * Asked first for every value that enters FEEL; leaves plain values to Camunda's mappers, refuses
   * the rest.
   */
  static final class PlainValuesOnly extends JavaCustomValueMapper {
    private static final Set<Class<?>> EXACT =
        Set.of(
            String.class,
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

    @Override
    public Optional<Val> toValue(Object value, Function<Object, Val> innerValueMapper) {
      if (value == null
          || value instanceof Val
          || EXACT.contains(value.getClass())
          || value instanceof List<?>
          || value instanceof Map<?, ?>
          || value instanceof Spin<?>
          || value.getClass().getPackageName().equals("java.time")) {
        return Optional.empty();
      }
      return Optional.of(
          new ValError(
              "a decision may use plain values only (text, numbers, booleans, dates, "
                  + "lists, maps, JSON), not "
                  + value.getClass().getSimpleName()));
    }

    @Override
    public Optional<Object> unpackValue(Val value, Function<Val, Object> innerValueMapper) {
      return Optional.empty();
    }

    @Override
    public int priority() {
      return 1000;
    }
  }
}
