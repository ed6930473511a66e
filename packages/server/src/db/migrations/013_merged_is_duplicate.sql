-- A merged complaint is a rejected duplicate of another one, never of itself: held by the database,
-- not only by the merge route.
alter table complaints add constraint complaints_merged_is_duplicate
  check (merged_into is null or (status = 'rejected' and reject_reason = 'duplicate' and merged_into <> id));
