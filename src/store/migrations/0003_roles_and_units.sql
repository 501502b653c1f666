-- Roles → permissions, editable by administrators (SPEC §1). The defaults live in code
-- (domain/account/roles.cpp) and are copied here when the platform is set up.

CREATE TABLE role_permissions (
  role       TEXT NOT NULL,
  permission TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);

-- A platform set up before this table existed keeps a working administrator, who can then
-- grant the other roles their permissions.
INSERT INTO role_permissions (role, permission)
SELECT 'admin', '*' WHERE EXISTS (SELECT 1 FROM units);
