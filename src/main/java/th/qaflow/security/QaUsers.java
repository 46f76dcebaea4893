package th.qaflow.security;

/**
 * Builds the QA Flow user of an account without a login (for the demo loader and background work).
 */
public interface QaUsers {
  QaUser byId(String userId);
}
