package th.qaflow.organisation;

/**
 * Published inside the import's transaction after a file was imported successfully (for example so
 * that new schools get their QA cycle). Listeners that must not run for a rolled-back import should
 * listen after commit.
 */
public record OrganisationImported(ImportReport report, String actorUserId) {}
