-- The clock and the abuse limits in the booking statement.
--
-- Every "now" comes from the server's injected clock, in SQL too: `mpp_book_batch` takes it as
-- `p_now` (tickets, queue events and Idempotency-Keys are stamped with it), so tests move time
-- without sleeping and instances agree on one clock. The columns' `default now()` stay only as a
-- fallback for rows written by hand.
--
-- Abuse limits, enforced where they cannot race: an attempt may carry `maxPerNik` / `maxPerPhone`,
-- the active (waiting: booked or checked in) tickets that one NIK / one phone may hold on that
-- date across services, counting the tickets earlier attempts of the same batch got. Over it, the
-- outcome is `limit_nik` / `limit_phone`. Otherwise the statement is the one of migration 005.
--
-- The per-code lock-out after wrong phone numbers (migration 004) is gone: it let anyone who knew a
-- code lock its owner out. Wrong phone numbers are now limited per client address, in the server.

alter table bookings drop column lookup_failures;
alter table bookings drop column lookup_locked_until;
create index bookings_active_nik on bookings (date, nik_hash) where status in ('booked', 'checked_in');
create index bookings_active_phone on bookings (date, phone_e164) where status in ('booked', 'checked_in');

drop function mpp_book_batch(jsonb);

create function mpp_book_batch(p_items jsonb, p_now timestamptz)
returns table (i integer, outcome text, number integer, created_at timestamptz, event_id bigint, replay_code text, replay_hash text, replay_status integer)
language plpgsql as $$
#variable_conflict use_column
declare
  v_n integer;
  v_key text[]; v_hash text[]; v_version bigint[]; v_code text[]; v_service text[]; v_queue text[]; v_slot text[];
  v_date date[]; v_start integer[]; v_end integer[]; v_capacity integer[]; v_name text[]; v_nik text[];
  v_nik_masked text[]; v_phone text[]; v_email text[];
  v_rules bigint := (select r.v from rules_version r where r.id = 1);
  -- Stored keys and active tickets met by this batch.
  v_old_key text[]; v_old_code text[]; v_old_hash text[]; v_old_status integer[];
  v_taken text[];
  -- Places left in each slot of the batch (locked).
  v_sid text[]; v_free integer[];
  -- Per attempt: outcome, replay fields, number, event.
  v_out text[]; v_rcode text[]; v_rhash text[]; v_rstatus integer[]; v_num integer[]; v_event bigint[];
  v_won integer[] := '{}';
  v_p integer;
  v_day record;
  v_base integer;
  v_ids bigint[];
  v_now timestamptz := p_now;
  v_max_nik integer[]; v_max_phone integer[];
  -- Active tickets per NIK and per phone on each date (keys 'date|hash'), counted as the batch goes.
  v_nik_key text[]; v_nik_n integer[]; v_phone_key text[]; v_phone_n integer[];
begin
  select count(*)::integer,
         array_agg(x.key order by e.ord), array_agg(x.hash order by e.ord), array_agg(x.version order by e.ord),
         array_agg(x.code order by e.ord), array_agg(x.service order by e.ord), array_agg(x.queue order by e.ord),
         array_agg(x.slot order by e.ord), array_agg(x.date order by e.ord), array_agg(x.start order by e.ord),
         array_agg(x."end" order by e.ord), array_agg(x.capacity order by e.ord), array_agg(x.name order by e.ord),
         array_agg(x."nikHash" order by e.ord), array_agg(x."nikMasked" order by e.ord), array_agg(x.phone order by e.ord),
         array_agg(x.email order by e.ord), array_agg(x."maxPerNik" order by e.ord), array_agg(x."maxPerPhone" order by e.ord)
    into v_n, v_key, v_hash, v_version, v_code, v_service, v_queue, v_slot, v_date, v_start, v_end, v_capacity, v_name,
         v_nik, v_nik_masked, v_phone, v_email, v_max_nik, v_max_phone
    from jsonb_array_elements(p_items) with ordinality as e(value, ord),
         jsonb_to_record(e.value) as x(key text, hash text, version bigint, code text, service text, queue text, slot text,
                                        date date, start integer, "end" integer, capacity integer, name text, "nikHash" text,
                                        "nikMasked" text, phone text, email text,
                                        "maxPerNik" integer, "maxPerPhone" integer);
  if v_n = 0 then
    return;
  end if;

  select coalesce(array_agg(k.key), '{}'), coalesce(array_agg(k.booking_code), '{}'), coalesce(array_agg(k.request_hash), '{}'),
         coalesce(array_agg(k.status), '{}')
    into v_old_key, v_old_code, v_old_hash, v_old_status
    from idempotency_keys k where k.key = any(v_key);
  select coalesce(array_agg(b.service_id || '|' || b.date || '|' || b.nik_hash), '{}') into v_taken
    from bookings b
    join (select distinct u.s, u.d, u.n from unnest(v_service, v_date, v_nik) as u(s, d, n)) u
      on b.service_id = u.s and b.date = u.d and b.nik_hash = u.n
   where b.status <> 'cancelled';
  select coalesce(array_agg(t.k), '{}'), coalesce(array_agg(t.n), '{}') into v_nik_key, v_nik_n
    from (select b.date || '|' || b.nik_hash as k, count(*)::integer as n from bookings b
           where b.status in ('booked', 'checked_in')
             and (b.date, b.nik_hash) in (select distinct u.d, u.n from unnest(v_date, v_nik) as u(d, n))
           group by 1) t;
  select coalesce(array_agg(t.k), '{}'), coalesce(array_agg(t.n), '{}') into v_phone_key, v_phone_n
    from (select b.date || '|' || b.phone_e164 as k, count(*)::integer as n from bookings b
           where b.status in ('booked', 'checked_in')
             and (b.date, b.phone_e164) in (select distinct u.d, u.p from unnest(v_date, v_phone) as u(d, p))
           group by 1) t;

  -- The slots, materialised on first use, then locked in id order.
  insert into slots (id, service_id, date, start_min, end_min, capacity)
  select distinct on (u.id collate "C") u.id, u.s, u.d, u.st, u.en, u.c
    from unnest(v_slot, v_service, v_date, v_start, v_end, v_capacity) as u(id, s, d, st, en, c)
   order by u.id collate "C"
  on conflict (id) do nothing;
  select coalesce(array_agg(l.id order by l.id), '{}'), coalesce(array_agg(l.capacity - l.booked order by l.id), '{}')
    into v_sid, v_free
    from (select s.id, s.capacity, s.booked from slots s where s.id = any(v_slot) order by s.id collate "C" for update) l;

  -- Each attempt, in arrival order.
  v_out := array_fill(null::text, array[v_n]);
  v_rcode := v_out; v_rhash := v_out;
  v_rstatus := array_fill(null::integer, array[v_n]);
  v_num := v_rstatus;
  v_event := array_fill(null::bigint, array[v_n]);
  for j in 1 .. v_n loop
    if v_key[j] is not null then
      v_p := array_position(v_old_key, v_key[j]);
      if v_p is not null then
        v_out[j] := 'replay'; v_rcode[j] := v_old_code[v_p]; v_rhash[j] := v_old_hash[v_p]; v_rstatus[j] := v_old_status[v_p];
        continue;
      end if;
    end if;
    if v_version[j] <> v_rules then
      v_out[j] := 'stale';
      continue;
    end if;
    if (v_service[j] || '|' || v_date[j] || '|' || v_nik[j]) = any(v_taken) then
      v_out[j] := 'duplicate';
      continue;
    end if;
    v_p := array_position(v_nik_key, v_date[j] || '|' || v_nik[j]);
    if v_max_nik[j] is not null and v_p is not null and v_nik_n[v_p] >= v_max_nik[j] then
      v_out[j] := 'limit_nik';
      continue;
    end if;
    v_p := array_position(v_phone_key, v_date[j] || '|' || v_phone[j]);
    if v_max_phone[j] is not null and v_p is not null and v_phone_n[v_p] >= v_max_phone[j] then
      v_out[j] := 'limit_phone';
      continue;
    end if;
    v_p := array_position(v_sid, v_slot[j]);
    if v_p is null or v_free[v_p] <= 0 then
      v_out[j] := 'slot_full';
      continue;
    end if;
    v_free[v_p] := v_free[v_p] - 1;
    v_out[j] := 'created';
    v_won := v_won || j;
    v_p := array_position(v_nik_key, v_date[j] || '|' || v_nik[j]);
    if v_p is null then
      v_nik_key := v_nik_key || (v_date[j] || '|' || v_nik[j]); v_nik_n := v_nik_n || 1;
    else
      v_nik_n[v_p] := v_nik_n[v_p] + 1;
    end if;
    v_p := array_position(v_phone_key, v_date[j] || '|' || v_phone[j]);
    if v_p is null then
      v_phone_key := v_phone_key || (v_date[j] || '|' || v_phone[j]); v_phone_n := v_phone_n || 1;
    else
      v_phone_n[v_p] := v_phone_n[v_p] + 1;
    end if;
    v_taken := v_taken || (v_service[j] || '|' || v_date[j] || '|' || v_nik[j]);
    if v_key[j] is not null then
      v_old_key := v_old_key || v_key[j];
      v_old_code := v_old_code || v_code[j];
      v_old_hash := v_old_hash || v_hash[j];
      v_old_status := v_old_status || 201;
    end if;
  end loop;

  if cardinality(v_won) > 0 then
    update slots s set booked = s.booked + w.n
      from (select v_slot[w.j] as slot, count(*)::integer as n from unnest(v_won) as w(j) group by 1) w
     where s.id = w.slot;
    -- One event per ticket: its id is the queue's version after it.
    select array_agg(x.id order by x.id) into v_ids
      from (select nextval(pg_get_serial_sequence('queue_events', 'id')) as id from generate_series(1, cardinality(v_won))) x;
    for j in 1 .. cardinality(v_won) loop
      v_event[v_won[j]] := v_ids[j];
    end loop;
    insert into queue_events (id, queue_id, date, type, created_at) overriding system value
    select v_event[w.j], v_queue[w.j], v_date[w.j], 'issued', v_now from unnest(v_won) as w(j);
    -- Numbers: the queue's day row, last of the locks, once per day of the batch.
    for v_day in
      select v_queue[w.j] as q, v_date[w.j] as d, count(*)::integer as n, max(v_event[w.j]) as ev
        from unnest(v_won) as w(j) group by 1, 2 order by 1, 2
    loop
      insert into queue_days as qd (queue_id, date, last_number, version) values (v_day.q, v_day.d, v_day.n, v_day.ev)
      on conflict (queue_id, date) do update set last_number = qd.last_number + v_day.n, version = greatest(qd.version, v_day.ev)
      returning qd.last_number - v_day.n into v_base;
      for j in 1 .. cardinality(v_won) loop
        if v_queue[v_won[j]] = v_day.q and v_date[v_won[j]] = v_day.d then
          v_base := v_base + 1;
          v_num[v_won[j]] := v_base;
        end if;
      end loop;
    end loop;
    insert into bookings (code, service_id, queue_id, slot_id, date, slot_start, number, name, nik_hash, nik_masked, phone_e164, email, created_at)
    select v_code[w.j], v_service[w.j], v_queue[w.j], v_slot[w.j], v_date[w.j], v_start[w.j], v_num[w.j], v_name[w.j], v_nik[w.j],
           v_nik_masked[w.j], v_phone[w.j], v_email[w.j], v_now
      from unnest(v_won) as w(j);
    insert into idempotency_keys (key, scope, request_hash, status, booking_code, created_at)
    select v_key[w.j], 'booking', v_hash[w.j], 201, v_code[w.j], v_now from unnest(v_won) as w(j) where v_key[w.j] is not null;
  end if;

  return query
    select (u.j - 1)::integer, v_out[u.j], v_num[u.j], case when v_out[u.j] = 'created' then v_now end, v_event[u.j],
           v_rcode[u.j], v_rhash[u.j], v_rstatus[u.j]
      from generate_series(1, v_n) as u(j);
end $$;
