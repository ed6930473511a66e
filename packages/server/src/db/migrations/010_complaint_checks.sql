-- The database holds the complaint vocabulary itself, so no writer (a second server version, a
-- script, a hand-written fix) can store a status, reason or photo role the contract does not
-- know: the lists are core's COMPLAINT_STATUSES and RejectReason, and the photo roles.
alter table complaints add constraint complaints_status_check
  check (status in ('received', 'verified', 'dispatched', 'answered', 'resolved', 'closed', 'rejected', 'reopened'));
alter table complaints add constraint complaints_reject_reason_check
  check (reject_reason is null or reject_reason in ('hoax', 'duplicate', 'out_of_scope', 'incomplete'));
alter table complaints add constraint complaints_escalation_level_check check (escalation_level >= 0);
alter table complaint_photos add constraint complaint_photos_role_check check (role in ('report', 'answer'));
alter table complaint_events add constraint complaint_events_status_check
  check (status in ('received', 'verified', 'dispatched', 'answered', 'resolved', 'closed', 'rejected', 'reopened'));
alter table contact_codes add constraint contact_codes_failures_check check (failures >= 0);
