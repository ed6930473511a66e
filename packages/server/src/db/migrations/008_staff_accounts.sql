-- Staff accounts that sign in with an e-mail address and a password, and their sessions.
--
-- The roles of Si Badra join the counter roles: `verifier` (the 24/7 complaint desk),
-- `agency_officer` and `agency_head` (an OPD's Si Badra operator and its Kepala OPD),
-- `mayor_office` and `city_admin`. Agency roles need an agency scope; the city-wide ones have
-- none. The scope names an agency of the MPP (`agencies`) or of Si Badra (`complaint_agencies`,
-- which are not all MPP agencies: Dinas PUPR, Dishub …), so it is no longer a foreign key to
-- `agencies`; the seed and the admin tools check it.
--
-- Accounts of the bearer-token era keep working: `token_hash` stays (now optional), and an
-- account may have a token, a password, or both.
alter table staff drop constraint if exists staff_agency_id_fkey;
alter table staff drop constraint if exists staff_role_check;
alter table staff drop constraint if exists staff_check;
alter table staff alter column token_hash drop not null;
alter table staff add column email text;
alter table staff add column password_hash text;
alter table staff add column created_at timestamptz;
alter table staff add column disabled_at timestamptz;
alter table staff add constraint staff_role_check
  check (role in ('counter', 'agency_admin', 'admin', 'verifier', 'agency_officer', 'agency_head', 'mayor_office', 'city_admin'));
alter table staff add constraint staff_scope_check
  check (case when role in ('counter', 'agency_admin', 'agency_officer', 'agency_head') then agency_id is not null
              else agency_id is null end);
-- The sign-in name is stored lowercased and trimmed (the server normalises before every query).
alter table staff add constraint staff_email_check check (email is null or (email = lower(btrim(email)) and length(email) between 3 and 254));
alter table staff add constraint staff_password_needs_email check (password_hash is null or email is not null);
create unique index staff_email on staff (email) where email is not null;

-- One row per sign-in. Only SHA-256 hashes of the tokens are stored (they are 32 random bytes,
-- so a plain hash is enough: there is nothing to guess). The access token is short-lived; the
-- refresh token rotates at every use and the session ends at `refresh_expires_at` (a shift)
-- whatever the rotations.
create table staff_sessions (
  id                 text primary key,
  staff_id           text not null references staff (id) on delete cascade,
  access_hash        text not null unique,
  access_expires_at  timestamptz not null,
  refresh_hash       text not null unique,
  refresh_expires_at timestamptz not null,
  created_at         timestamptz not null,
  refreshed_at       timestamptz,
  revoked            boolean not null default false,
  revoked_at         timestamptz,
  -- 'sign_out', 'refresh_reuse' (a rotated refresh token came back: stolen or replayed)
  revoked_reason     text
);
create index staff_sessions_staff on staff_sessions (staff_id);

-- Refresh tokens already rotated away: one coming back revokes its session.
create table staff_rotated_tokens (
  token_hash text primary key,
  session_id text not null references staff_sessions (id) on delete cascade,
  rotated_at timestamptz not null
);
create index staff_rotated_tokens_session on staff_rotated_tokens (session_id);
