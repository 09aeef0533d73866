-- every project's visitors by quarter, with the quarter's financial year: a year's funnel is
-- its quarters' added up, and the all-projects funnel its projects' added up
select f.project_id, f.period_label, p.fy_label, f.aware, f.informed, f.engaged
from mart_engagement__funnel f
join core_periods p using (period_label)
where f.period_type = 'quarter'
order by p.period_start, f.project_id
