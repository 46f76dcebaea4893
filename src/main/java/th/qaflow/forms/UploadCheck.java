package th.qaflow.forms;

import java.util.List;

/**
 * Checks of an uploaded file that are not the form's own (size, MIME sniffing, file names),
 * supplied by the documents module. Its errors are shown next to the file field.
 */
@FunctionalInterface
public interface UploadCheck {

  /** Accepts every file. */
  UploadCheck ACCEPT_ALL = file -> List.of();

  /** The problems of this file; empty when it may be stored. */
  List<FieldError> check(UploadedFile file);
}
