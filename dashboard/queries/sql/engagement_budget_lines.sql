-- how residents split a participatory budget between its lines
select a.budget_line, sum(a.allocated_gbp) as allocated_gbp,
       count(distinct a.participant_id) as n_residents
from stg_portal__budget_allocations a
where a.project_id = $project
group by a.budget_line
order by allocated_gbp desc, a.budget_line
