package th.qaflow.organisation;

import java.io.Serializable;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * One problem found in an import file. {@code row} counts like a spreadsheet: the header is row 1,
 * the first data row is row 2; 0 means the file as a whole. {@code code} is a message key of {@code
 * i18n/organisation_*.properties}, {@code args} its arguments; resolve it with {@code
 * messageSource.getMessage(error, locale)}.
 */
public record ImportError(long row, String column, String code, List<String> args)
    implements MessageSourceResolvable, Serializable {

  public ImportError {
    column = column == null ? "" : column;
    args = List.copyOf(args);
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return args.toArray();
  }

  @Override
  public String getDefaultMessage() {
    return code;
  }
}
