-- Resources are readable by every logged-in user (SPEC §1): civil-affairs officers, inspectors,
-- experts and workers read the resource list too (domain/account/roles.cpp), on a platform set
-- up before.
INSERT INTO role_permissions (role, permission)
SELECT r.role, 'match:resource:list'
FROM (SELECT 'civil_affairs_officer' AS role
      UNION ALL SELECT 'inspector'
      UNION ALL SELECT 'expert'
      UNION ALL SELECT 'worker') r
WHERE EXISTS (SELECT 1 FROM units)
  AND NOT EXISTS (SELECT 1 FROM role_permissions p
                  WHERE p.role = r.role AND p.permission = 'match:resource:list');
