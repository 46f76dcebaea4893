/**
 * Documents: uploaded files stored in the database with versions, SHA-256 hashes, a MIME type
 * detected from the content, an audit trail, and download for users whose scope covers the school.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"organisation", "security", "web"})
package th.qaflow.documents;
