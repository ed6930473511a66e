-- Booking attempts coalesced: the attempts that reach a server instance together (normally all for
-- one queue's day) run as one statement. It replaces `mpp_book` (migration 003, one attempt per
-- statement; dropped below). Each attempt gets the outcome `mpp_book` gave, alone, but
-- the work is done set by set: the slot rows are read, locked and updated once per slot, the queue's
-- day row is locked and numbered once, and the events, tickets and Idempotency-Keys are written by
-- one INSERT each. At a quota release that is what keeps the hot rows' locks short.
--
-- Lock order, as on every path that takes places: slot rows in id order (byte order, collation
-- "C"), then the queue's day.
-- Attempts are decided in arrival order (their order in `p_items`): within a batch, an earlier
-- attempt gets the last place of a slot, the lower number, and the ticket when two share a NIK.
--
-- p_items: a JSON array of attempts (key, hash, version, code, service, queue, slot, date, start,
-- end, capacity, name, nikHash, nikMasked, phone, email). Returns one row per attempt, `i` being its
-- index in the array, and `outcome` one of:
--   created     the ticket's number, created_at and queue event id are returned
--   replay      its Idempotency-Key got a ticket before: replay_code / replay_hash / replay_status
--   stale       the rules changed since the caller read them (version): reload and try again
--   duplicate   this NIK already has an active ticket for the service that day
--   slot_full   no place left in the slot
-- A later attempt of the batch with the NIK of an earlier ticket is a `duplicate`; with the
-- Idempotency-Key of an earlier ticket, it replays that ticket. A unique violation (a twin
-- committed by another transaction meanwhile) aborts the whole batch: the caller then runs its
-- attempts one by one, so the violation reaches only the attempt it belongs to.
create function mpp_book_batch(p_items jsonb)
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
  v_now timestamptz := now();
begin
  select count(*)::integer,
         array_agg(x.key order by e.ord), array_agg(x.hash order by e.ord), array_agg(x.version order by e.ord),
         array_agg(x.code order by e.ord), array_agg(x.service order by e.ord), array_agg(x.queue order by e.ord),
         array_agg(x.slot order by e.ord), array_agg(x.date order by e.ord), array_agg(x.start order by e.ord),
         array_agg(x."end" order by e.ord), array_agg(x.capacity order by e.ord), array_agg(x.name order by e.ord),
         array_agg(x."nikHash" order by e.ord), array_agg(x."nikMasked" order by e.ord), array_agg(x.phone order by e.ord),
         array_agg(x.email order by e.ord)
    into v_n, v_key, v_hash, v_version, v_code, v_service, v_queue, v_slot, v_date, v_start, v_end, v_capacity, v_name,
         v_nik, v_nik_masked, v_phone, v_email
    from jsonb_array_elements(p_items) with ordinality as e(value, ord),
         jsonb_to_record(e.value) as x(key text, hash text, version bigint, code text, service text, queue text, slot text,
                                        date date, start integer, "end" integer, capacity integer, name text, "nikHash" text,
                                        "nikMasked" text, phone text, email text);
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
    v_p := array_position(v_sid, v_slot[j]);
    if v_p is null or v_free[v_p] <= 0 then
      v_out[j] := 'slot_full';
      continue;
    end if;
    v_free[v_p] := v_free[v_p] - 1;
    v_out[j] := 'created';
    v_won := v_won || j;
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
    insert into queue_events (id, queue_id, date, type) overriding system value
    select v_event[w.j], v_queue[w.j], v_date[w.j], 'issued' from unnest(v_won) as w(j);
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
    insert into idempotency_keys (key, scope, request_hash, status, booking_code)
    select v_key[w.j], 'booking', v_hash[w.j], 201, v_code[w.j] from unnest(v_won) as w(j) where v_key[w.j] is not null;
  end if;

  return query
    select (u.j - 1)::integer, v_out[u.j], v_num[u.j], case when v_out[u.j] = 'created' then v_now end, v_event[u.j],
           v_rcode[u.j], v_rhash[u.j], v_rstatus[u.j]
      from generate_series(1, v_n) as u(j);
end $$;

drop function mpp_book(text, text, bigint, text, text, text, text, date, integer, integer, integer, text, text, text, text, text);
