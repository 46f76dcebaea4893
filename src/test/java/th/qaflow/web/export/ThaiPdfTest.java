package th.qaflow.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The Thai PDF writer: shaped Thai that extracts back to the same Unicode, with the font embedded.
 */
class ThaiPdfTest {
  /**
   * Stacked marks, marks after tall consonants, SARA AM after a tone mark, and long unbroken Thai.
   */
  static final String HARD =
      "ที่นี่ ป่าไม้ ปั้น ฝั่ง น้ำใจ ฟ้า กำลังพัฒนา ญี่ปุ่น ฐานข้อมูล ผู้เรียน ปี๊บ";

  static final String LONG =
      "สถานศึกษามีระบบบริหารจัดการคุณภาพที่เน้นการมีส่วนร่วมของผู้ปกครองและชุมชนอย่างต่อเนื่อง"
          + "และนำผลการประเมินตนเองไปใช้พัฒนาคุณภาพผู้เรียนอย่างเป็นระบบทุกภาคเรียน";

  @Test
  void thaiTextComesBackExactlyAndTheFontIsEmbedded() throws IOException {
    byte[] pdf;
    try (ThaiPdf out = new ThaiPdf("ทดสอบ", "th-TH")) {
      out.title("รายงานสังเคราะห์ผลการประเมินตนเอง");
      out.paragraph(HARD);
      out.paragraph(LONG);
      out.table(
          new float[] {0.6f, 0.4f},
          new boolean[] {false, true},
          List.of(List.of("มาตรฐาน", "จำนวน"), List.of("คุณภาพของผู้เรียน", "12")));
      pdf = out.toBytes();
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("รายงานสังเคราะห์ผลการประเมินตนเอง", HARD, "คุณภาพของผู้เรียน");
      assertThat(text.replaceAll("\\s", "")).contains(LONG);
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("Laksaman");
      }
      if (System.getProperty("qaflow.pdf.png") != null) {
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
        ImageIO.write(image, "png", Path.of(System.getProperty("qaflow.pdf.png")).toFile());
        BufferedImage zoom = new PDFRenderer(doc).renderImageWithDPI(0, 400);
        ImageIO.write(
            zoom.getSubimage(250, 380, 1700, 260),
            "png",
            Path.of(System.getProperty("qaflow.pdf.png") + ".zoom.png").toFile());
        Files.write(Path.of(System.getProperty("qaflow.pdf.png") + ".pdf"), pdf);
      }
    }
  }
}
