-- workers.group_codes again from worker_groups: the codes in code order, comma-separated
-- (common::JoinCodes), after 0023_target_group_codes.sql renamed them.
UPDATE workers SET group_codes = COALESCE(
  (SELECT string_agg(group_code, ',' ORDER BY group_code COLLATE "C")
   FROM worker_groups g WHERE g.worker_id = workers.id),
  '')
WHERE group_codes <> '';
