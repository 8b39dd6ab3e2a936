package io.gxpflow.compliance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request body that refuses fields it does not define ({@code 400} naming the field), where the
 * application otherwise ignores them (Spring Boot's default, kept for the rest): an event that
 * starts a process carries its contract's fields and nothing else, as a start form does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StrictFields {

  /** Registers the check with the application's ObjectMapper. */
  @Configuration
  class Registration {
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictFields() {
      return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new Handler()));
    }
  }

  /** Jackson asks it about each unknown field before it ignores one. */
  class Handler extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      if (!type.isAnnotationPresent(StrictFields.class)) {
        return false;
      }
      Collection<Object> known = deserializer.getKnownPropertyNames();
      throw UnrecognizedPropertyException.from(parser, type, propertyName, known);
    }
  }
}
