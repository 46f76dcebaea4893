package th.qaflow.forms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import th.qaflow.forms.FormComponent.TextBlock;

/**
 * Turns the markdown of a form-js {@code text} component into plain paragraphs. Nothing is ever
 * interpreted as HTML: the template prints each line escaped. Only what form authors commonly use
 * is understood: blank lines separate paragraphs and a leading {@code #} marks a heading.
 */
public final class MarkdownText {

  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+");
  private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t]*\\R");

  private MarkdownText() {}

  public static List<TextBlock> blocks(String markdown) {
    // FEEL expressions (=…) would need the engine's context to evaluate: show nothing rather than
    // code.
    if (markdown == null || markdown.isBlank() || markdown.stripLeading().startsWith("=")) {
      return List.of();
    }
    List<TextBlock> blocks = new ArrayList<>();
    for (String paragraph : BLANK_LINE.split(markdown.strip())) {
      List<String> lines = new ArrayList<>();
      for (String line : paragraph.split("\\R")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
      if (lines.isEmpty()) {
        continue;
      }
      boolean heading = HEADING.matcher(lines.get(0)).find();
      if (heading) {
        lines.set(0, HEADING.matcher(lines.get(0)).replaceFirst(""));
      }
      blocks.add(new TextBlock(heading, lines));
    }
    return blocks;
  }
}
