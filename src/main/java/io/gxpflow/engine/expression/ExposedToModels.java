package io.gxpflow.engine.expression;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean of the project that BPMN and DMN expressions may call although it is no
 * delegate or listener (a helper such as a calendar of working days). Put it on the class or on the
 * {@code @Bean} method. Delegates and listeners of the project need no mark; see {@link
 * ModelBeans}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ExposedToModels {}
