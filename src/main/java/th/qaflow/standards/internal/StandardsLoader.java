package th.qaflow.standards.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import th.qaflow.standards.FrameworkFileException;

/**
 * Loads the framework files at start, before anything starts a cycle: the built-in ones under
 * {@code classpath:standards/}, then any {@code *.json} in {@code qaflow.standards-dir} ({@code
 * QAFLOW_STANDARDS_DIR}), so a district can add a framework without a new release.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StandardsLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(StandardsLoader.class);

  private final JdbcStandardsCatalog catalog;
  private final String directory;

  StandardsLoader(
      JdbcStandardsCatalog catalog, @Value("${qaflow.standards-dir:}") String directory) {
    this.catalog = catalog;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Resource[] builtIn =
        new PathMatchingResourcePatternResolver().getResources("classpath*:standards/*.json");
    Arrays.sort(builtIn, Comparator.comparing(Resource::getFilename));
    for (Resource r : builtIn) {
      try (InputStream in = r.getInputStream()) {
        catalog.load(
            new String(in.readAllBytes(), StandardCharsets.UTF_8),
            "classpath:standards/" + r.getFilename());
      }
    }
    if (!directory.isBlank()) {
      loadDirectory(Path.of(directory));
    }
  }

  /**
   * Loads every {@code *.json} of a folder; a bad file is reported and skipped, the others still
   * load.
   */
  List<String> loadDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      log.error("qaflow.standards-dir {} is not a folder; no extra frameworks loaded", dir);
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    List<String> problems = new java.util.ArrayList<>();
    for (Path file : files) {
      try {
        catalog.load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } catch (FrameworkFileException e) {
        log.error("Framework file not loaded: {}", e.getMessage());
        problems.add(e.getMessage());
      }
    }
    return problems;
  }
}
