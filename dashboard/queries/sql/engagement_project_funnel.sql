-- one project's funnel by quarter
select f.period_label, f.aware, f.informed, f.engaged
from mart_engagement__funnel f
join core_periods p using (period_label)
where f.project_id = $project and f.period_type = 'quarter'
order by p.period_start
