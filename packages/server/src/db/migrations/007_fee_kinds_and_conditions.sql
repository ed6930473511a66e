-- Fees by kind, and conditions apart from the documents to bring (issue 11).
--
-- A fee is `free`, `fixed` (fee_amount rupiah) or `regulated`: set by a regulation or computed
-- (fee_text says how, fee_legal_basis names the regulation, fee_amount is the part known in
-- advance or 0). `requirements` keeps the documents and things to bring; `conditions` holds what
-- the citizen must meet ("Sudah berusia 17 tahun…").
--
-- Rows written before are migrated with the same rules the import applies to a fee without a kind
-- (packages/server/src/seed/schema.ts: `upgradeLegacyFee`, `chargeHints`, `readsLikeCondition`):
-- an amount above 0 is fixed; 0 is regulated when the note names a charge (a tariff, NJKB, PNBP, a
-- tax or levy, an amount in rupiah, a percentage; a charge said not to apply does not count), the
-- note becoming the text; otherwise free. A requirement that reads like a condition moves to
-- `conditions`. Re-importing a curated catalog (npm run import) replaces these guesses.

-- The demo seed wrote its lists through postgres.js as jsonb strings holding the JSON text (a
-- double encoding; readers parsed them again). Lists are arrays from here on.
update agencies set aliases = (aliases #>> '{}')::jsonb where jsonb_typeof(aliases) = 'string';
update services set aliases = (aliases #>> '{}')::jsonb where jsonb_typeof(aliases) = 'string';
update services set requirements = (requirements #>> '{}')::jsonb where jsonb_typeof(requirements) = 'string';
update services set steps = (steps #>> '{}')::jsonb where jsonb_typeof(steps) = 'string';
update services set legal_basis = (legal_basis #>> '{}')::jsonb where jsonb_typeof(legal_basis) = 'string';

alter table services
  add column fee_kind text not null default 'free' check (fee_kind in ('free', 'fixed', 'regulated')),
  add column fee_text text check (length(fee_text) between 1 and 500),
  add column fee_legal_basis text check (length(fee_legal_basis) between 1 and 300),
  add column conditions jsonb not null default '[]' check (jsonb_typeof(conditions) = 'array');

update services set
  fee_kind = case
    when fee_amount > 0 then 'fixed'
    when regexp_replace(
           coalesce(fee_note, ''),
           '\y(tidak dipungut|tidak dikenai|tanpa|bebas)\s+(biaya|pnbp|retribusi(\s+daerah)?|pajak|bea)\y', ' ', 'gi'
         ) ~* '\y(tarif|njkb|pnbp|retribusi|pajak|bea masuk|bphtb|bbnkb|iuran|persen)\y|\yrp\s?[0-9]|[0-9]\s?%'
      then 'regulated'
    else 'free'
  end;
update services set fee_text = btrim(fee_note), fee_note = null where fee_kind = 'regulated';

update services s set
  conditions = coalesce(
    (select jsonb_agg(r.e order by r.i) from jsonb_array_elements_text(s.requirements) with ordinality as r(e, i)
      where r.e ~* '^(sudah|telah|belum|pernah|berusia|berumur|usia|beragama|bersedia|memiliki|mempunyai|tidak|bukan|hadir|warga negara|wni|wna|sehat|mampu|terdaftar|berdomisili|bertempat tinggal|merupakan|lulus)\y'
         or r.e ~* '\y(berusia|berumur)\y|\ysudah (dilaporkan|kawin|menikah)\y'),
    '[]'),
  requirements = coalesce(
    (select jsonb_agg(r.e order by r.i) from jsonb_array_elements_text(s.requirements) with ordinality as r(e, i)
      where not (r.e ~* '^(sudah|telah|belum|pernah|berusia|berumur|usia|beragama|bersedia|memiliki|mempunyai|tidak|bukan|hadir|warga negara|wni|wna|sehat|mampu|terdaftar|berdomisili|bertempat tinggal|merupakan|lulus)\y'
         or r.e ~* '\y(berusia|berumur)\y|\ysudah (dilaporkan|kawin|menikah)\y')),
    '[]')
where jsonb_typeof(s.requirements) = 'array';

-- Each kind carries exactly its fields.
alter table services add constraint services_fee_kind_fields check (
  (fee_kind = 'free' and fee_amount = 0 and fee_text is null and fee_legal_basis is null)
  or (fee_kind = 'fixed' and fee_amount > 0 and fee_text is null and fee_legal_basis is null)
  or (fee_kind = 'regulated' and fee_text is not null)
);
