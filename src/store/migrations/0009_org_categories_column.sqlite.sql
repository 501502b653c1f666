UPDATE orgs SET categories = COALESCE(
  (SELECT group_concat(category, ';') FROM
     (SELECT category FROM org_categories c WHERE c.org_id = orgs.id ORDER BY category)), '');
