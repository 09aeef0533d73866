-- visitors aware -> informed -> engaged per project in one period; a cluster shows its own
-- projects and the borough-wide ones (as the project explorer does), the borough every project
select f.project_id, p.title, p.area_name, f.aware, f.informed, f.engaged
from mart_engagement__funnel f
join mart_engagement__projects p using (project_id)
where f.period_label = $period and ($area = 'borough' or p.area_slug in ($area, 'borough'))
order by f.aware desc, p.title
