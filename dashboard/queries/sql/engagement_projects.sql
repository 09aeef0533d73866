-- projects open at any time in one period; a cluster shows its own and borough-wide projects
select p.*
from mart_engagement__projects p
cross join (select period_start, period_end from core_periods where period_label = $period) per
where p.opened_on <= per.period_end
  and coalesce(p.closed_on, p.as_at_date) >= per.period_start
  and ($area = 'borough' or p.area_slug in ($area, 'borough'))
order by p.opened_on desc, p.title
