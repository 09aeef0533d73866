-- reach in every area for one period type (the page filters one period; trends use them all)
select r.area_slug, a.area_name, a.sort_order, r.period_type, r.period_label, r.population,
       r.n_participants, r.n_contributions, r.n_new_registrations, r.n_contributions_unplaced,
       r.participants_per_1000, r.contributions_per_1000_a_year, r.registrations_per_1000
from mart_engagement__reach r
join core_areas a using (area_slug)
join core_periods p using (period_label)
where r.period_type = $period_type
order by p.period_start, a.sort_order
