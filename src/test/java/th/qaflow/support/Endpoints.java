package th.qaflow.support;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application's controllers, read from Spring's handler mappings (inject
 * {@code @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping}), so a test that
 * goes over them all also covers the next endpoint someone adds.
 */
public final class Endpoints {
  private Endpoints() {}

  /** An HTTP method ({@code ANY} for a mapping that names none) and a path pattern. */
  public record Endpoint(String method, String pattern) {
    public String key() {
      return method + " " + pattern;
    }
  }

  /** All of them, sorted by {@link Endpoint#key()}. */
  public static List<Endpoint> all(RequestMappingHandlerMapping mappings) {
    Set<Endpoint> found = new LinkedHashSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                  found.add(new Endpoint("ANY", pattern));
                }
                for (RequestMethod m : methods) {
                  found.add(new Endpoint(m.name(), pattern));
                }
              }
            });
    return found.stream().sorted(Comparator.comparing(Endpoint::key)).toList();
  }

  /** The path patterns mapped for that HTTP method (by name, not through {@code ANY}). */
  public static Set<String> patterns(RequestMappingHandlerMapping mappings, RequestMethod method) {
    Set<String> patterns = new TreeSet<>();
    for (Endpoint e : all(mappings)) {
      if (e.method().equals(method.name())) {
        patterns.add(e.pattern());
      }
    }
    return patterns;
  }
}
