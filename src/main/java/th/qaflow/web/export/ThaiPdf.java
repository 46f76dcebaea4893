package th.qaflow.web.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A small PDF writer for Thai reports on A4: headings, wrapped paragraphs and tables in the
 * embedded Laksaman font (fonts-tlwg, GPL with font exception).
 *
 * <p>Thai needs shaping: tone marks stack above upper vowels, some marks move left after tall
 * consonants or drop when there is no upper vowel, and SARA AM splits. PDF libraries without a
 * shaping engine draw each character's default glyph, so marks collide. Here the JDK lays the text
 * out ({@link Font#layoutGlyphVector}, HarfBuzz inside the JDK, applying the font's GSUB and GPOS
 * tables) and each glyph is placed by id at its shaped position in an Identity-H font subset. Each
 * run is wrapped in a marked-content span with {@code /ActualText}, so copying or extracting the
 * text gives the original Unicode even where shaping substituted glyphs.
 */
public final class ThaiPdf implements AutoCloseable {
  static final String REGULAR = "/fonts/Laksaman.ttf";
  static final String BOLD = "/fonts/Laksaman-Bold.ttf";
  static final float MARGIN = 50;
  public static final Locale THAI = Locale.forLanguageTag("th");
  private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
  private static final float UNITS = 1000f;
  private static final byte[] REGULAR_BYTES = bytes(REGULAR);
  private static final byte[] BOLD_BYTES = bytes(BOLD);

  /**
   * A font as PDFBox embeds it and as the JDK shapes with it (at 1000 units, the PDF glyph space).
   */
  private record Face(PDType0Font pdf, Font awt, Set<Integer> glyphs) {}

  private final PDDocument doc = new PDDocument();
  private final Face regular;
  private final Face bold;
  private PDPageContentStream cs;
  private float y;

  public ThaiPdf(String title, String language) {
    try {
      regular = face(REGULAR_BYTES);
      bold = face(BOLD_BYTES);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("The Thai font cannot be loaded", e);
    }
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("QA Flow");
    doc.getDocumentCatalog().setLanguage(language);
    newPage();
  }

  private Face face(byte[] ttf) throws IOException, FontFormatException {
    PDType0Font pdf = PDType0Font.load(doc, new ByteArrayInputStream(ttf), true);
    Font awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf)).deriveFont(UNITS);
    return new Face(pdf, awt, new HashSet<>());
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = ThaiPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing font " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  // --- blocks ----------------------------------------------------------------------------------

  public void title(String text) {
    block(text, bold, 18, 0, 6);
  }

  public void heading(String text) {
    space(8);
    block(text, bold, 14, 0, 3);
  }

  public void paragraph(String text) {
    block(text, regular, 11, 0, 3);
  }

  public void bullet(String text) {
    List<String> lines = wrap(regular, 11, text, width() - 14);
    float leading = leading(11);
    for (int i = 0; i < lines.size(); i++) {
      ensure(leading);
      if (i == 0) {
        draw(regular, 11, MARGIN + 2, y - 11, "•");
      }
      draw(regular, 11, MARGIN + 14, y - 11, lines.get(i));
      y -= leading;
    }
    y -= 2;
  }

  public void space(float points) {
    y -= points;
  }

  /**
   * A table with borders; the first row is the header (bold, grey, repeated on each new page).
   *
   * @param widths column widths as fractions of the text width
   * @param numeric columns whose cells are right-aligned
   */
  public void table(float[] widths, boolean[] numeric, List<List<String>> rows) {
    float size = 10;
    float pad = 3;
    float leading = leading(size);
    float[] w = new float[widths.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = widths[i] * width();
    }
    List<String> header = rows.get(0);
    boolean first = true;
    for (List<String> row : rows) {
      boolean isHeader = first;
      Face face = isHeader ? bold : regular;
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int c = 0; c < w.length; c++) {
        List<String> l = wrap(face, size, c < row.size() ? row.get(c) : "", w[c] - 2 * pad);
        cells.add(l);
        lines = Math.max(lines, l.size());
      }
      float height = lines * leading + 2 * pad;
      if (y - height < MARGIN) {
        newPage();
        if (!isHeader) {
          table(widths, numeric, List.of(header));
        }
      }
      try {
        if (isHeader) {
          cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
          cs.addRect(MARGIN, y - height, width(), height);
          cs.fill();
          cs.setNonStrokingColor(0f, 0f, 0f);
        }
        float x = MARGIN;
        cs.setLineWidth(0.5f);
        for (int c = 0; c < w.length; c++) {
          cs.addRect(x, y - height, w[c], height);
          cs.stroke();
          float ty = y - pad - size;
          for (String line : cells.get(c)) {
            float tx =
                numeric[c] && !isHeader ? x + w[c] - pad - advance(face, size, line) : x + pad;
            draw(face, size, tx, ty, line);
            ty -= leading;
          }
          x += w[c];
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      y -= height;
      first = false;
    }
    y -= 6;
  }

  public byte[] toBytes() {
    try {
      cs.close();
      cs = null;
      regular.pdf().addGlyphsToSubset(regular.glyphs());
      bold.pdf().addGlyphsToSubset(bold.glyphs());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (cs != null) {
        cs.close();
      }
      doc.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- layout ----------------------------------------------------------------------------------

  private void block(String text, Face face, float size, float indent, float after) {
    float leading = leading(size);
    for (String line : wrap(face, size, text, width() - indent)) {
      ensure(leading);
      draw(face, size, MARGIN + indent, y - size, line);
      y -= leading;
    }
    y -= after;
  }

  private static float leading(float size) {
    return size * 1.45f;
  }

  private void ensure(float height) {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GlyphVector shape(Face face, String text) {
    char[] chars = text.toCharArray();
    return face.awt().layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
  }

  private static float advance(Face face, float size, String text) {
    if (text.isEmpty()) {
      return 0;
    }
    GlyphVector gv = shape(face, text);
    return (float) gv.getGlyphPosition(gv.getNumGlyphs()).getX() * size / UNITS;
  }

  /**
   * The text broken into lines no wider than {@code max}: at line breaks of the text, then where
   * Thai allows a break (the JDK's dictionary-based line breaker), and within a word only if a
   * single word is wider than the line (between grapheme clusters, never inside one).
   */
  List<String> wrap(Face face, float size, String text, float max) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
      String rest = paragraph.replace('\t', ' ').stripTrailing();
      while (!rest.isEmpty()) {
        if (advance(face, size, rest) <= max) {
          lines.add(rest);
          break;
        }
        int cut = lastFit(BreakIterator.getLineInstance(THAI), face, size, rest, max);
        if (cut <= 0) {
          cut =
              Math.max(lastFit(BreakIterator.getCharacterInstance(THAI), face, size, rest, max), 1);
        }
        lines.add(rest.substring(0, cut).stripTrailing());
        rest = rest.substring(cut).stripLeading();
      }
      if (paragraph.isBlank()) {
        lines.add("");
      }
    }
    return lines;
  }

  private static int lastFit(BreakIterator breaks, Face face, float size, String text, float max) {
    breaks.setText(text);
    int fit = 0;
    for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
      if (advance(face, size, text.substring(0, end).stripTrailing()) > max) {
        break;
      }
      fit = end;
    }
    return fit;
  }

  /** Draws one shaped line with its baseline at {@code baseline}. */
  private void draw(Face face, float size, float x, float baseline, String text) {
    if (text.isBlank()) {
      return;
    }
    GlyphVector gv = shape(face, text);
    try {
      cs.appendRawCommands("/Span <</ActualText " + utf16(text) + ">> BDC\n");
      cs.beginText();
      cs.setFont(face.pdf(), size);
      for (int i = 0; i < gv.getNumGlyphs(); i++) {
        int gid = gv.getGlyphCode(i);
        if (gid < 0 || gid >= 0xFFFE) {
          continue; // an invisible glyph the layout inserted
        }
        Point2D p = gv.getGlyphPosition(i);
        face.glyphs().add(gid);
        cs.setTextMatrix(
            Matrix.getTranslateInstance(
                x + (float) p.getX() * size / UNITS, baseline - (float) p.getY() * size / UNITS));
        cs.appendRawCommands(String.format("<%04X> Tj\n", gid));
      }
      cs.endText();
      cs.appendRawCommands("EMC\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF text string in UTF-16BE with its byte-order mark, as hex. */
  static String utf16(String text) {
    StringBuilder hex = new StringBuilder("<FEFF");
    for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
      hex.append(String.format("%02X", b & 0xFF));
    }
    return hex.append('>').toString();
  }
}
