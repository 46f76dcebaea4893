package th.qaflow.documents.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.security.CurrentUser;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.NotFoundException;

/**
 * Download of a version and the list of a document's versions, for users whose scope covers the
 * school. Anyone else gets 404, the same as for an id that does not exist.
 */
@Controller
@RequestMapping("/documents")
class DocumentController {
  private final Documents documents;

  DocumentController(Documents documents) {
    this.documents = documents;
  }

  @GetMapping("/{versionId}")
  void download(@PathVariable String versionId, HttpServletResponse response) throws IOException {
    DocumentVersion version = visible(versionId);
    byte[] content = documents.content(version.versionId());
    response.setContentType(version.mimeType());
    // binary content has no charset (server.servlet.encoding.force would otherwise append one)
    response.setCharacterEncoding((String) null);
    response.setContentLengthLong(content.length);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(version.filename()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private");
    response.getOutputStream().write(content);
  }

  @GetMapping("/{versionId}/versions")
  String versions(@PathVariable String versionId, Model model) {
    DocumentVersion version = visible(versionId);
    model.addAttribute("document", version);
    // only the versions this reader may open: a school sees the district's published versions, not
    // a draft uploaded since
    model.addAttribute(
        "versions",
        documents.versions(version.documentId()).stream()
            .filter(v -> documents.version(v.versionId(), CurrentUser.get()).isPresent())
            .toList());
    return "documents/versions";
  }

  private DocumentVersion visible(String versionId) {
    return documents
        .version(versionId, CurrentUser.get())
        .orElseThrow(() -> new NotFoundException("No document version " + versionId));
  }
}
