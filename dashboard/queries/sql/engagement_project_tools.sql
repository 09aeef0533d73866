-- one project's contributions by tool
select c.tool, count(*) as n_contributions
from core_contributions c
where c.project_id = $project
group by c.tool
order by n_contributions desc, c.tool
