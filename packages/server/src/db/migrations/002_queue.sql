-- Online queue: offices and their time zone, opening hours, per-service queue rules and lanes,
-- holidays and closures as data, slots with capacity, bookings, per-queue numbering, live events.

create table offices (
  id        text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name      text not null,
  -- IANA zone of the office: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).
  time_zone text not null,
  address   text not null default ''
);
alter table agencies add column office_id text references offices (id);

-- Opening hours of an office per weekday (0 = Sunday), in minutes after local midnight, with an
-- optional break (the Friday prayer break). A day without a row is closed.
create table office_hours (
  office_id   text not null references offices (id) on delete cascade,
  weekday     integer not null check (weekday between 0 and 6),
  opens       integer not null check (opens between 0 and 1440),
  closes      integer not null check (closes between 0 and 1440 and closes > opens),
  break_start integer check (break_start between 0 and 1440),
  break_end   integer check (break_end between 0 and 1440),
  primary key (office_id, weekday),
  check ((break_start is null) = (break_end is null) and (break_start is null or break_end > break_start))
);

-- A service may narrow the office hours (e.g. passport photos only in the morning).
create table service_hours (
  service_id  text not null references services (id) on delete cascade,
  weekday     integer not null check (weekday between 0 and 6),
  opens       integer not null check (opens between 0 and 1440),
  closes      integer not null check (closes between 0 and 1440 and closes > opens),
  break_start integer,
  break_end   integer,
  primary key (service_id, weekday)
);

-- How a service's online queue works.
create table queue_rules (
  service_id         text primary key references services (id) on delete cascade,
  slot_minutes       integer not null default 30 check (slot_minutes between 5 and 240),
  -- Online bookings per slot; the online lane of a day is the sum over its slots.
  slot_capacity      integer not null check (slot_capacity >= 0),
  walk_in_quota      integer not null default 0 check (walk_in_quota >= 0),
  priority_quota     integer not null default 0 check (priority_quota >= 0),
  -- Dates bookable from today up to today + booking_days_ahead.
  booking_days_ahead integer not null default 14 check (booking_days_ahead between 0 and 90),
  -- A date's quota opens at this local time, booking_days_ahead days before (07:00 → 420).
  release_minutes    integer not null default 0 check (release_minutes between 0 and 1439),
  -- Booking a slot closes this many minutes before it starts.
  cutoff_minutes     integer not null default 30 check (cutoff_minutes between 0 and 1440)
);

-- National holidays, cuti bersama and ad-hoc closures; a row with a service or agency closes only that.
create table holidays (
  id         bigint generated always as identity primary key,
  office_id  text not null references offices (id) on delete cascade,
  date       date not null,
  name       text not null,
  kind       text not null check (kind in ('holiday', 'cuti_bersama', 'closure')),
  agency_id  text references agencies (id) on delete cascade,
  service_id text references services (id) on delete cascade
);
create unique index holidays_unique on holidays (office_id, date, coalesce(agency_id, ''), coalesce(service_id, ''));

-- Bookable windows, materialised on first use. Capacity is enforced here: a booking increments
-- `booked` with `booked < capacity` in the same statement, so concurrent bookings cannot overbook.
create table slots (
  id         text primary key,
  service_id text not null references services (id) on delete cascade,
  date       date not null,
  start_min  integer not null,
  end_min    integer not null,
  capacity   integer not null check (capacity >= 0),
  booked     integer not null default 0,
  check (booked >= 0 and booked <= capacity)
);
create index slots_service_date on slots (service_id, date);

-- One numbering sequence and one "now serving" per queue (agency + prefix) per day.
create table queue_days (
  queue_id            text not null,
  date                date not null,
  last_number         integer not null default 0,
  now_serving_number  integer not null default 0,
  version             bigint not null default 0,
  primary key (queue_id, date)
);

create table bookings (
  code         text primary key,
  service_id   text not null references services (id),
  queue_id     text not null,
  slot_id      text not null references slots (id),
  date         date not null,
  slot_start   integer not null,
  number       integer not null,
  name         text not null,
  -- HMAC-SHA256 of the NIK with the deployment secret; the NIK itself is never stored.
  nik_hash     text not null,
  nik_masked   text not null,
  phone_e164   text not null,
  email        text,
  status       text not null default 'booked' check (status in ('booked', 'checked_in', 'called', 'served', 'no_show', 'cancelled')),
  counter      text,
  created_at   timestamptz not null default now(),
  called_at    timestamptz,
  served_at    timestamptz,
  cancelled_at timestamptz,
  unique (queue_id, date, number)
);
-- One active ticket per NIK per service per day, enforced by the database.
create unique index bookings_one_per_nik on bookings (service_id, date, nik_hash) where status <> 'cancelled';
create index bookings_queue_waiting on bookings (queue_id, date, slot_start, number) where status in ('booked', 'checked_in');

-- Retried creates return the first answer.
create table idempotency_keys (
  key          text primary key,
  scope        text not null,
  request_hash text not null,
  status       integer,
  response     jsonb,
  created_at   timestamptz not null default now()
);

-- Every change of a queue, in order; the id is the SSE event id.
create table queue_events (
  id         bigint generated always as identity primary key,
  queue_id   text not null,
  date       date not null,
  type       text not null,
  created_at timestamptz not null default now()
);
create index queue_events_queue on queue_events (queue_id, date, id);

-- Staff accounts: a bearer token (stored hashed) with a role and an agency scope.
create table staff (
  id         text primary key,
  name       text not null,
  role       text not null check (role in ('counter', 'agency_admin', 'admin')),
  agency_id  text references agencies (id),
  token_hash text not null unique,
  check (role = 'admin' or agency_id is not null)
);

-- Deployment settings kept in the database (e.g. the generated NIK HMAC secret of a demo install).
create table settings (
  key   text primary key,
  value text not null
);
