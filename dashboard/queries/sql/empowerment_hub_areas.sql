-- hub activity in every area for one period (clusters with no hub included, flagged)
select h.area_slug, a.area_name, a.sort_order, h.area_type, h.period_label, h.population,
       h.n_hubs, h.has_hub, h.n_hubs_in_library, h.n_hubs_reporting, h.n_attendances,
       h.n_events, h.n_advice_sessions, h.n_digital_help, h.volunteer_hours,
       h.attendances_per_1000_a_year, h.events_per_1000_a_year, h.advice_per_1000_a_year,
       h.digital_help_per_1000_a_year
from mart_empowerment__hub_areas h
join core_areas a using (area_slug)
where h.period_label = $period
order by a.sort_order
