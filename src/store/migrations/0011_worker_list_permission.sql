-- The worker picker's permission (system:worker:list, GET /api/v1/workers) for the roles that
-- have it by default (domain/account/roles.cpp), on a platform set up before it existed; a new
-- platform is seeded from the code at init.
INSERT INTO role_permissions (role, permission)
SELECT r.role, 'system:worker:list'
FROM (SELECT 'sys_admin' AS role UNION ALL SELECT 'union_officer') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = 'system:worker:list');
