package dev.meshcheck.steps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A step as a feature would write it; {@code meshcheck steps} prints it next to the step's pattern,
 * so every step definition carries one (a unit test checks that).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Example {
  String value();
}
