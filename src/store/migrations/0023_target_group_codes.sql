-- One vocabulary of target groups (issue #11): workers' groups take the target_group codes that
-- projects and demands use (劳模 and 工匠 become the one group 劳模工匠, model_workers), and events'
-- target groups are checked against the same dictionary, so a worker is in an event's or a
-- project's target groups when the codes are equal. Rows written with the first worker_group
-- codes of this issue are renamed here; workers.group_codes is rebuilt in the dialect files.
DELETE FROM worker_groups
WHERE group_code = 'craftsman'
  AND worker_id IN (SELECT worker_id FROM worker_groups WHERE group_code = 'model_worker');
UPDATE worker_groups SET group_code = CASE group_code
  WHEN 'craftsman' THEN 'model_workers'
  WHEN 'model_worker' THEN 'model_workers'
  WHEN 'new_employment' THEN 'new_employment_workers'
  WHEN 'women_worker' THEN 'women_workers'
  WHEN 'migrant_worker' THEN 'migrant_workers'
  WHEN 'sanitation_worker' THEN 'sanitation_workers'
  WHEN 'needy_worker' THEN 'needy_workers'
  WHEN 'frontline_worker' THEN 'frontline_workers'
  WHEN 'young_worker' THEN 'young_workers'
  WHEN 'retired_worker' THEN 'retired_workers'
  ELSE group_code END;

-- Events keep their codes comma-separated in the order given: bracket them with commas, rename
-- whole items, strip the brackets again.
UPDATE events SET target_groups = ',' || target_groups || ',' WHERE target_groups <> '';
UPDATE events SET target_groups = replace(target_groups, ',craftsman,', ',model_workers,') WHERE target_groups LIKE '%,craftsman,%';
UPDATE events SET target_groups = replace(target_groups, ',model_worker,', ',model_workers,') WHERE target_groups LIKE '%,model_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',new_employment,', ',new_employment_workers,') WHERE target_groups LIKE '%,new_employment,%';
UPDATE events SET target_groups = replace(target_groups, ',women_worker,', ',women_workers,') WHERE target_groups LIKE '%,women_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',migrant_worker,', ',migrant_workers,') WHERE target_groups LIKE '%,migrant_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',sanitation_worker,', ',sanitation_workers,') WHERE target_groups LIKE '%,sanitation_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',needy_worker,', ',needy_workers,') WHERE target_groups LIKE '%,needy_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',frontline_worker,', ',frontline_workers,') WHERE target_groups LIKE '%,frontline_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',young_worker,', ',young_workers,') WHERE target_groups LIKE '%,young_worker,%';
UPDATE events SET target_groups = replace(target_groups, ',retired_worker,', ',retired_workers,') WHERE target_groups LIKE '%,retired_worker,%';
UPDATE events SET target_groups = substr(target_groups, 2, length(target_groups) - 2)
WHERE target_groups <> '';
