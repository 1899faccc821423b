-- 0001_base: offices, users, rights, sessions, API tokens, login attempts.
-- Times are Unix seconds (UTC). Never edit this file once landed; add 0002_... instead.

CREATE TABLE office (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  address     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  logo_mime   TEXT,
  logo        BLOB,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE app_user (
  id             INTEGER PRIMARY KEY,
  login          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  email          TEXT NOT NULL DEFAULT '',
  role           TEXT NOT NULL CHECK (role IN ('admin','staff','advisor','client')),
  office_id      INTEGER REFERENCES office(id),
  active         INTEGER NOT NULL DEFAULT 1,
  password_hash  TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX app_user_office ON app_user(office_id);

CREATE TABLE user_right (
  user_id  INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  granted  INTEGER NOT NULL,
  PRIMARY KEY (user_id, name)
) WITHOUT ROWID;

CREATE TABLE session (
  id_hash       BLOB PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_user ON session(user_id);

CREATE TABLE api_token (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  hash          BLOB NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_token_user ON api_token(user_id);

CREATE TABLE login_attempt (
  id     INTEGER PRIMARY KEY,
  login  TEXT NOT NULL COLLATE NOCASE,
  ip     TEXT NOT NULL,
  ok     INTEGER NOT NULL,
  at     INTEGER NOT NULL
);
CREATE INDEX login_attempt_login ON login_attempt(login, at);
CREATE INDEX login_attempt_ip ON login_attempt(ip, at);
