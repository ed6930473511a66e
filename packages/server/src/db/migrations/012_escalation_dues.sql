-- When each escalation level of a complaint falls, stored when its answer clock starts (dispatch
-- or reopening) by core's `escalationDues`: calendar hours, or working-day hours by the office's
-- calendar (`count: 'working_days'`). The sweep, the inbox's level filter and the briefing then
-- compare instants instead of adding hours in SQL, so both kinds of policy are one comparison.
alter table complaints add column escalation_due timestamptz[];
-- Clocks already running were started under the default policy (24 h, 48 h calendar hours).
update complaints set escalation_due = array[clock_start + interval '24 hours', clock_start + interval '48 hours']
 where clock_start is not null;
alter table complaints add constraint complaints_due_with_clock check ((clock_start is null) = (escalation_due is null));
