-- each hub's activity in one period (the page keeps the chosen cluster's hubs)
select h.hub_id, h.hub_name, h.cluster_slug, a.area_name, h.is_in_library, h.period_label,
       h.n_days_reported, h.n_attendances, h.n_events, h.n_advice_sessions, h.n_digital_help,
       h.volunteer_hours
from mart_empowerment__hub_periods h
join core_areas a on a.area_slug = h.cluster_slug
where h.period_label = $period
order by a.sort_order, h.hub_name
