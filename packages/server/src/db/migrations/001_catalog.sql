-- The service catalog: agencies of the MPP and their public services with the components of the
-- service standard (PermenPANRB 15/2014).
create table agencies (
  id          text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        text not null check (length(name) between 1 and 200),
  short_name  text not null,
  aliases     jsonb not null default '[]',
  kind        text not null check (kind in ('pusat', 'provinsi', 'kota', 'bumd', 'bumn', 'polri')),
  description text not null default '',
  website     text,
  coordinator boolean not null default false,
  demo        boolean not null default false,
  position    integer not null default 0,
  updated_at  timestamptz not null default now()
);
-- At most one coordinating agency per MPP.
create unique index agencies_one_coordinator on agencies (coordinator) where coordinator;

create table services (
  id                text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  agency_id         text not null references agencies (id) on update cascade,
  name              text not null check (length(name) between 1 and 200),
  aliases           jsonb not null default '[]',
  summary           text not null default '',
  requirements      jsonb not null default '[]',
  steps             jsonb not null default '[]',
  duration          text not null default '',
  counter_minutes   integer not null check (counter_minutes between 1 and 480),
  fee_amount        bigint not null default 0 check (fee_amount >= 0),
  fee_note          text,
  product           text not null default '',
  legal_basis       jsonb not null default '[]',
  complaint_channel text not null default '',
  location          text not null default '',
  online_queue      boolean not null default false,
  queue_prefix      text not null check (queue_prefix ~ '^[A-Z]{1,2}$'),
  daily_quota       integer not null default 0 check (daily_quota >= 0),
  demo              boolean not null default false,
  updated_at        timestamptz not null default now()
);
create index services_agency_name on services (agency_id, name, id);
create index services_name on services (name, id);

-- Every change moves updated_at, so the catalog version (count + max(updated_at)) behind the
-- ETags changes too, whoever edits the rows.
create function touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end $$;
create trigger agencies_touch before update on agencies for each row execute function touch_updated_at();
create trigger services_touch before update on services for each row execute function touch_updated_at();
