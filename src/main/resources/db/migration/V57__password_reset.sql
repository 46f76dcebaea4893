-- "forgot my password": a one-time link mailed to the account's address. Only the token's SHA-256 is kept, so a
-- copy of this table opens no account; a token is spent when used, when a newer one is used, or at expires_at
create table password_reset (
  token_hash varchar(64) primary key,
  user_id    varchar(255) not null,
  created_at timestamp not null,
  expires_at timestamp not null,
  used_at    timestamp
);

create index password_reset_user on password_reset (user_id, created_at);
