-- workers.group_codes again from worker_groups: the codes in code order, comma-separated
-- (common::JoinCodes), after 0023_target_group_codes.sql renamed them.
UPDATE workers SET group_codes = COALESCE(
  (SELECT group_concat(group_code, ',')
   FROM (SELECT group_code FROM worker_groups g WHERE g.worker_id = workers.id ORDER BY group_code)),
  '')
WHERE group_codes <> '';
