package io.gxpflow.compliance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem type a controller answers an invalid body with (Bean Validation, wrong JSON types),
 * when it is more specific than {@link ProblemType#INVALID_REQUEST}: the events API answers {@code
 * invalid-event}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InvalidRequestProblem {

  ProblemType value();
}
