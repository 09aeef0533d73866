-- each hub's activity by month within one period
select m.hub_id, m.hub_name, m.cluster_slug, m.is_in_library, m.month_start, m.n_days_reported,
       m.n_attendances, m.n_events, m.n_advice_sessions, m.n_digital_help, m.volunteer_hours
from mart_empowerment__hub_months m
join core_periods p on m.month_start between p.period_start and p.period_end
where p.period_label = $period
order by m.month_start, m.hub_name
