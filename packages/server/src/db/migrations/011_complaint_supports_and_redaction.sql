-- Si Badra, second part: "saya juga" supports, merged duplicates, contacts proven without a
-- complaint (tickets), redacted copies of photos, idempotent photo uploads.
--
-- `contact_hash` is a keyed hash (HMAC with a key derived from the deployment secret) of the
-- normalised contact (`email:warga@example.org`, `phone:+628123456789`): a contact proof carries
-- only it, so "my complaints" and supports never need the contact itself. Rows written before
-- this migration have none; the server fills it in for a contact when that contact is next
-- proven (it cannot be computed here: the key is not in the database).
alter table complaints add column contact_hash text;
alter table complaints add column merged_into bigint references complaints (id);
create index complaints_contact_hash on complaints (contact_hash, created_at) where contact_hash is not null;
-- The nearby look-up: a category's complaints by latitude (a bounding box, then the exact distance).
create index complaints_nearby on complaints (category_id, lat) where lat is not null and merged_into is null;
alter table complaints add constraint complaints_merged_into_check check (merged_into is null or merged_into <> id);

-- One row per complaint and verified contact: a contact is counted once, however often it asks.
create table complaint_supports (
  complaint_id bigint not null references complaints (id),
  contact_hash text not null,
  at           timestamptz not null,
  primary key (complaint_id, contact_hash)
);

-- A redacted copy (faces, plates blurred by a verifier) is a photo of its own, `redaction_of` the
-- original; the original's `redacted_id` names the copy the public sees instead of it.
alter table complaint_photos add column redaction_of text references complaint_photos (id);
alter table complaint_photos add column redacted_id text references complaint_photos (id);
-- The SHA-256 of the bytes as uploaded: a retried upload with the same capture token and the same
-- bytes gets the first receipt back instead of `capture_token_used`.
alter table complaint_photos add column upload_sha256 text;
create index complaint_photos_token on complaint_photos (token_id) where token_id is not null;

-- A one-time code sent to a contact to prove it without filing a complaint (`POST /contact-codes`):
-- the ticket id is what the citizen holds; only a keyed hash of the code is kept.
create table contact_tickets (
  id           text primary key,
  contact_kind text not null check (contact_kind in ('email', 'phone')),
  contact      text not null,
  contact_hash text not null,
  code_hash    text not null,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  failures     integer not null default 0 check (failures >= 0)
);
create index contact_tickets_expires on contact_tickets (expires_at);
