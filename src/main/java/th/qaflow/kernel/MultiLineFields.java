package th.qaflow.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request fields of a controller method that come from a textarea and may hold line breaks (CR,
 * LF, TAB). Every other field of every request is one line: the web layer refuses a line break
 * there before the controller runs (see {@link InputText}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLineFields {
  String[] value();
}
