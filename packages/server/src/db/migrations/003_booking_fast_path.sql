-- The booking fast path: one statement per booking attempt, and a version of the rules that
-- servers cache.
--
-- Rules version: any change to what decides whether a date or slot is bookable (services, their
-- queue rules and hours, offices and their hours, agencies, holidays and closures) bumps it. Server
-- instances cache the rules and check this one-row table; `mpp_book` refuses to book with a stale
-- version, so a cached rule can never let through a booking the current rules forbid.
create table rules_version (
  id integer primary key check (id = 1),
  v  bigint not null
);
insert into rules_version (id, v) values (1, 1);

create function mpp_bump_rules_version() returns trigger language plpgsql as $$
begin
  update rules_version set v = v + 1 where id = 1;
  return null;
end $$;

do $$
declare t text;
begin
  foreach t in array array['services', 'agencies', 'offices', 'office_hours', 'service_hours', 'queue_rules', 'holidays'] loop
    execute format(
      'create trigger %I after insert or update or delete or truncate on %I for each statement execute function mpp_bump_rules_version()',
      'rules_version_' || t, t);
  end loop;
end $$;

-- A stored booking attempt points at its booking; a replay answers with the booking as it is now.
alter table idempotency_keys add column booking_code text;

-- Takes one place in a slot, materialising the slot on first use: `booked` goes up only while
-- below capacity, in one UPDATE, so concurrent bookings cannot overbook. The booking and the
-- reschedule paths both take places through this.
create function mpp_take_slot(p_slot_id text, p_service_id text, p_date date, p_start integer, p_end integer, p_capacity integer)
returns boolean language plpgsql as $$
begin
  insert into slots (id, service_id, date, start_min, end_min, capacity)
  values (p_slot_id, p_service_id, p_date, p_start, p_end, p_capacity)
  on conflict (id) do nothing;
  update slots s set booked = s.booked + 1 where s.id = p_slot_id and s.booked < s.capacity;
  return found;
end $$;

-- The next ticket number of a queue's day; moves the day's version to `p_version` when higher.
-- The queue's day row is the hottest lock: callers take it last, once.
create function mpp_next_number(p_queue_id text, p_date date, p_version bigint) returns integer language sql as $$
  insert into queue_days as d (queue_id, date, last_number, version) values (p_queue_id, p_date, 1, p_version)
  on conflict (queue_id, date) do update set last_number = d.last_number + 1, version = greatest(d.version, p_version)
  returning d.last_number
$$;

-- One booking attempt in one statement (one round trip, and the hot locks held only for the
-- microseconds the function runs, never across the network). The caller has checked the identity
-- and the date and slot against the rules of version `p_rules_version`.
--
-- outcome:
--   created     the booking row's number and created_at are returned
--   replay      `p_key` was used before: replay_code / replay_hash / replay_status tell what it did
--   stale       the rules changed since the caller read them: reload and try again
--   duplicate   this NIK already has an active ticket for the service that day
--   slot_full   no place left in the slot
-- A concurrent twin (same NIK or same key) surfaces as a unique violation (23505): the caller
-- looks the key up again and answers with a replay or `duplicate_booking`.
create function mpp_book(
  p_key text,
  p_request_hash text,
  p_rules_version bigint,
  p_code text,
  p_service_id text,
  p_queue_id text,
  p_slot_id text,
  p_date date,
  p_start integer,
  p_end integer,
  p_capacity integer,
  p_name text,
  p_nik_hash text,
  p_nik_masked text,
  p_phone text,
  p_email text
) returns table (outcome text, number integer, created_at timestamptz, event_id bigint, replay_code text, replay_hash text, replay_status integer)
language plpgsql as $$
declare
  v_prev record;
  v_event bigint;
  v_number integer;
  v_created timestamptz;
  v_full boolean;
begin
  if p_key is not null then
    select k.booking_code, k.request_hash, k.status into v_prev from idempotency_keys k where k.key = p_key;
    if found then
      return query select 'replay'::text, null::integer, null::timestamptz, null::bigint, v_prev.booking_code, v_prev.request_hash, v_prev.status;
      return;
    end if;
  end if;
  if p_rules_version <> (select r.v from rules_version r where r.id = 1) then
    return query select 'stale'::text, null::integer, null::timestamptz, null::bigint, null::text, null::text, null::integer;
    return;
  end if;
  if exists (select 1 from bookings b
              where b.service_id = p_service_id and b.date = p_date and b.nik_hash = p_nik_hash and b.status <> 'cancelled') then
    return query select 'duplicate'::text, null::integer, null::timestamptz, null::bigint, null::text, null::text, null::integer;
    return;
  end if;
  -- A slot seen full without waiting for its lock is refused at once (a place freed this very
  -- instant is a race the citizen could equally have lost by clicking a moment earlier).
  select s.booked >= s.capacity into v_full from slots s where s.id = p_slot_id;
  if v_full then
    return query select 'slot_full'::text, null::integer, null::timestamptz, null::bigint, null::text, null::text, null::integer;
    return;
  end if;
  if not mpp_take_slot(p_slot_id, p_service_id, p_date, p_start, p_end, p_capacity) then
    return query select 'slot_full'::text, null::integer, null::timestamptz, null::bigint, null::text, null::text, null::integer;
    return;
  end if;
  insert into queue_events (queue_id, date, type) values (p_queue_id, p_date, 'issued') returning id into v_event;
  v_number := mpp_next_number(p_queue_id, p_date, v_event);
  insert into bookings (code, service_id, queue_id, slot_id, date, slot_start, number, name, nik_hash, nik_masked, phone_e164, email)
  values (p_code, p_service_id, p_queue_id, p_slot_id, p_date, p_start, v_number, p_name, p_nik_hash, p_nik_masked, p_phone, p_email)
  returning bookings.created_at into v_created;
  if p_key is not null then
    insert into idempotency_keys (key, scope, request_hash, status, booking_code) values (p_key, 'booking', p_request_hash, 201, p_code);
  end if;
  return query select 'created'::text, v_number, v_created, v_event, null::text, null::text, null::integer;
end $$;
