package th.qaflow.forms.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FEEL expressions of forms ({@code conditional.hide}, bounds written as {@code =…}), evaluated
 * with the FEEL-Scala engine that ships with Camunda 7 ({@code org.camunda.feel}). Expressions are
 * parsed once and cached. Variables are plain Java values (strings, numbers, booleans, lists,
 * maps).
 */
public final class Feel {

  private static final Logger log = LoggerFactory.getLogger(Feel.class);
  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
  private static final Map<String, ParsedExpression> PARSED = new ConcurrentHashMap<>();

  private Feel() {}

  /** The expression without a leading {@code =} (form-js marks expressions with it). */
  public static String strip(String expression) {
    String e = expression.strip();
    return e.startsWith("=") ? e.substring(1).strip() : e;
  }

  /** Why the expression cannot be parsed, or empty when it can. */
  public static Optional<String> syntaxError(String expression) {
    ParseResult r = ENGINE.parseExpression(strip(expression));
    return r.isSuccess() ? Optional.empty() : Optional.of(r.failure().message());
  }

  /** The value of the expression, or {@code null} when it fails (the failure is logged). */
  public static Object evaluate(String expression, Map<String, Object> variables) {
    String e = strip(expression);
    ParsedExpression parsed =
        PARSED.computeIfAbsent(
            e,
            x -> {
              ParseResult r = ENGINE.parseExpression(x);
              if (!r.isSuccess()) {
                throw new IllegalArgumentException(
                    "FEEL expression '" + x + "' cannot be parsed: " + r.failure().message());
              }
              return r.parsedExpression();
            });
    EvaluationResult r;
    try {
      r = ENGINE.evaluate(parsed, variables == null ? Map.of() : variables);
    } catch (
        RuntimeException failure) { // a value the engine cannot map: the expression has no result
      log.warn("FEEL expression '{}' failed: {}", e, failure.toString());
      return null;
    }
    if (!r.isSuccess()) {
      log.warn("FEEL expression '{}' failed: {}", e, r.failure().message());
      return null;
    }
    return r.result();
  }

  /**
   * form-js's rule for {@code conditional.hide}: hidden only when the expression is {@code true}.
   */
  public static boolean isTrue(String expression, Map<String, Object> variables) {
    try {
      return Boolean.TRUE.equals(evaluate(expression, variables));
    } catch (IllegalArgumentException e) {
      log.warn(e.getMessage());
      return false;
    }
  }

  /** A numeric result, or {@code null} when the expression fails or is not a number. */
  public static BigDecimal number(String expression, Map<String, Object> variables) {
    Object v;
    try {
      v = evaluate(expression, variables);
    } catch (IllegalArgumentException e) {
      log.warn(e.getMessage());
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException notFinite) {
        return null;
      }
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }
}
