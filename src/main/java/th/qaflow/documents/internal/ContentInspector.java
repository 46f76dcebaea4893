package th.qaflow.documents.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import th.qaflow.documents.UploadProblem;

/**
 * The checks of an upload: file name, size, and the type detected from the content (magic bytes; a
 * ZIP is classified by its central directory, which {@link ZipFile} reads without inflating
 * anything).
 */
final class ContentInspector {
  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final Map<String, String> TYPE_OF_EXTENSION =
      Map.of("pdf", PDF, "png", PNG, "jpg", JPEG, "jpeg", JPEG, "docx", DOCX, "xlsx", XLSX);

  static final int MAX_FILENAME_CODE_POINTS = 255;

  /**
   * More entries than any real office file has: refuse rather than read a huge central directory.
   */
  static final int MAX_ZIP_ENTRIES = 10_000;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

  private final long maxSize;

  ContentInspector(long maxSize) {
    this.maxSize = maxSize;
  }

  long maxSize() {
    return maxSize;
  }

  Optional<UploadProblem> check(String filename, byte[] content) {
    if (!acceptableFilename(filename)) {
      return Optional.of(
          new UploadProblem(UploadProblem.FILENAME, new Object[] {MAX_FILENAME_CODE_POINTS}));
    }
    if (content == null || content.length == 0) {
      return Optional.of(new UploadProblem(UploadProblem.EMPTY, new Object[0]));
    }
    if (content.length > maxSize) {
      return Optional.of(new UploadProblem(UploadProblem.TOO_LARGE, new Object[] {maxSizeInMb()}));
    }
    String claimed = TYPE_OF_EXTENSION.get(extension(filename));
    if (claimed == null) {
      return Optional.of(new UploadProblem(UploadProblem.TYPE, new Object[0]));
    }
    String detected = detect(content);
    if (!claimed.equals(detected)) {
      return Optional.of(
          new UploadProblem(UploadProblem.MISMATCH, new Object[] {extension(filename)}));
    }
    return Optional.empty();
  }

  String maxSizeInMb() {
    double mb = maxSize / (1024.0 * 1024.0);
    return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
  }

  /**
   * Kept exactly as given (no normalisation), but refused when empty, only dots, longer than 255
   * characters, with a path separator, a control character (C0, DEL, C1), a bidirectional override
   * (which can disguise the extension) or a lone surrogate.
   */
  static boolean acceptableFilename(String name) {
    if (name == null || name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
      return false;
    }
    if (name.codePointCount(0, name.length()) > MAX_FILENAME_CODE_POINTS) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/'
          || c == '\\'
          || c < 0x20
          || (c >= 0x7F && c <= 0x9F)
          || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static String extension(String filename) {
    int dot = filename.lastIndexOf('.');
    return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The MIME type of the content, or null when it is none of the accepted types. */
  static String detect(byte[] content) {
    if (startsWith(content, PDF_SIGNATURE)) {
      return PDF;
    }
    if (startsWith(content, PNG_SIGNATURE)) {
      return PNG;
    }
    if (startsWith(content, JPEG_SIGNATURE)) {
      return JPEG;
    }
    if (startsWith(content, ZIP_SIGNATURE)) {
      return officeType(content);
    }
    return null;
  }

  /** DOCX or XLSX by the entry names in the ZIP's central directory; nothing is inflated. */
  private static String officeType(byte[] content) {
    Path file = null;
    try {
      file = Files.createTempFile("qaflow-upload-", ".zip");
      Files.write(file, content);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        if (zip.size() > MAX_ZIP_ENTRIES) {
          return null;
        }
        boolean word = zip.getEntry("word/document.xml") != null;
        boolean excel = zip.getEntry("xl/workbook.xml") != null;
        if (word == excel) {
          return null;
        }
        return word ? DOCX : XLSX;
      }
    } catch (IOException | RuntimeException e) {
      return null; // not a readable ZIP
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the temporary folder is cleaned by the system
        }
      }
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
