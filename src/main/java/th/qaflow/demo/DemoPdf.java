package th.qaflow.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real, minimal one-page PDF (Helvetica, ASCII text) so the demo's SAR uploads are genuine files.
 */
final class DemoPdf {
  private DemoPdf() {}

  static byte[] onePage(List<String> lines) {
    StringBuilder text = new StringBuilder("BT /F1 14 Tf 72 760 Td 18 TL\n");
    for (String line : lines) {
      text.append('(')
          .append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
          .append(") Tj T*\n");
    }
    text.append("ET");
    String stream = text.toString();
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length "
                + stream.getBytes(StandardCharsets.US_ASCII).length
                + " >>\nstream\n"
                + stream
                + "\nendstream");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    write(out, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    for (int offset : offsets) {
      write(out, String.format("%010d 00000 n \n", offset));
    }
    write(
        out,
        "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }
}
