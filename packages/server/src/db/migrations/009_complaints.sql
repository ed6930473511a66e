-- Si Badra complaints.
--
-- The agencies that answer complaints (the city's OPD: PDAM, PUPR, Dishub, Dinkes, Satpol PP …)
-- are not all MPP agencies, so they have a table of their own, with their official e-mail
-- addresses: the head's (escalation level 1) and the officers' (dispatch). The mayor's office is
-- the `mayor` row of `complaint_recipients`. Categories route a complaint to one agency.
create table complaint_agencies (
  id         text primary key,
  name       text not null,
  short_name text not null,
  position   integer not null default 0
);

create table complaint_recipients (
  id        bigserial primary key,
  -- an agency id, or 'mayor' for the mayor's office
  scope     text not null,
  kind      text not null check (kind in ('head', 'officer', 'mayor_office')),
  email     text not null,
  unique (scope, kind, email)
);

create table complaint_categories (
  id         text primary key,
  name       text not null,
  name_en    text not null,
  agency_id  text not null references complaint_agencies (id),
  position   integer not null default 0
);

-- A capture token: signed by the server when the camera opens; a photo must arrive inside its
-- window and may use it once (`used_at`), so the server stamps when a photo was taken.
create table capture_tokens (
  id         text primary key,
  issued_at  timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);

create table complaints (
  id               bigserial primary key,
  tracking_code    text not null unique,
  category_id      text not null references complaint_categories (id),
  agency_id        text not null references complaint_agencies (id),
  text             text not null,
  lat              double precision,
  lng              double precision,
  accuracy         double precision,
  address          text,
  privacy          text not null check (privacy in ('public', 'anonim', 'rahasia')),
  name             text,
  contact_kind     text not null check (contact_kind in ('email', 'phone')),
  contact          text not null,
  contact_verified_at timestamptz,
  status           text not null,
  reject_reason    text,
  -- the answer clock: from dispatch (or the last reopening) to the agency's first public answer
  clock_start      timestamptz,
  answered_at      timestamptz,
  escalation_level integer not null default 0,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
-- The escalation sweep: complaints whose clock runs, oldest first.
create index complaints_clock on complaints (clock_start) where clock_start is not null and answered_at is null;
create index complaints_inbox on complaints (status, created_at);
create index complaints_contact on complaints (contact_kind, contact);

create table complaint_photos (
  id           text primary key,
  complaint_id bigint references complaints (id),
  token_id     text references capture_tokens (id),
  type         text not null,
  bytes        integer not null,
  captured_at  timestamptz not null,
  -- 'report' (the citizen's) or 'answer' (the agency's "after" photo)
  role         text not null default 'report'
);
create index complaint_photos_complaint on complaint_photos (complaint_id);

create table complaint_events (
  id           bigserial primary key,
  complaint_id bigint not null references complaints (id),
  at           timestamptz not null,
  status       text not null,
  actor        text not null check (actor in ('citizen', 'verifier', 'agency', 'system')),
  staff_id     text,
  note         text,
  photo_ids    jsonb not null default '[]'
);
create index complaint_events_complaint on complaint_events (complaint_id, id);

-- One-time codes that confirm a reporter's contact: only a keyed hash is kept.
create table contact_codes (
  complaint_id bigint primary key references complaints (id),
  code_hash    text not null,
  expires_at   timestamptz not null,
  failures     integer not null default 0
);

-- Mail to send (codes, dispatch notices, escalations): written in the transaction that decides it,
-- delivered by the job runner. `dedupe_key` is unique, so a decision taken twice (two instances,
-- a retried sweep) enqueues one mail.
create table mail_outbox (
  id              bigserial primary key,
  dedupe_key      text not null unique,
  channel         text not null default 'email' check (channel in ('email', 'sms')),
  to_addr         text not null,
  subject         text not null,
  body            text not null,
  created_at      timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts        integer not null default 0,
  sent_at         timestamptz,
  last_error      text
);
create index mail_outbox_pending on mail_outbox (next_attempt_at) where sent_at is null;
