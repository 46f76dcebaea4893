package th.qaflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something does not exist, or the user may not know it exists: both answer 404 so that a school's
 * task ids cannot be probed from another school.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {
  public NotFoundException(String what) {
    super(what);
  }
}
