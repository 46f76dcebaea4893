package th.qaflow.security;

import java.time.Instant;

/**
 * Someone asked to set a new password for an account that has an e-mail address: the account's
 * owner is mailed the link at that address. Published inside the request's transaction, so the mail
 * is written to the outbox with the token or not at all.
 *
 * @param link where the new password is set (relative, e.g. /password/reset?token=…); it opens the
 *     account until {@code expiresAt} or its first use
 */
public record PasswordResetRequested(String userId, String link, Instant expiresAt, Instant at) {}
