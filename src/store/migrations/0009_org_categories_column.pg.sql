UPDATE orgs SET categories = COALESCE(
  (SELECT string_agg(category, ';' ORDER BY category) FROM org_categories c
   WHERE c.org_id = orgs.id), '');
