-- Workers post demands from the phone pages (issue #11, SPEC §1: a worker posts demands and sees
-- its own rows): the demand permissions for the worker role on a platform set up before; a new
-- platform is seeded from the code at init (domain/account/roles.cpp). A worker's demands are
-- owned by its worker record's unit and carry its worker_id (demands.worker_id, 0016), so the
-- scope narrows a worker to the demands it posted.
INSERT INTO role_permissions (role, permission)
SELECT r.role, r.permission
FROM (SELECT 'worker' AS role, 'match:demand:list' AS permission
      UNION ALL SELECT 'worker', 'match:demand:edit') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = r.permission);

-- A worker's demands, newest first (GET /demands for a worker).
CREATE INDEX demands_worker ON demands (worker_id, id);
