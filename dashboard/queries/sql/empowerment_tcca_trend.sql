-- TCCA requests in every area for every period of one type (the cluster trend)
select t.area_slug, a.area_name, a.sort_order, t.area_type, t.period_type, t.period_label,
       p.period_start, t.population, t.n_requests, t.requests_per_1000_a_year
from mart_empowerment__tcca_areas t
join core_areas a using (area_slug)
join core_periods p using (period_label)
where t.period_type = $period_type
order by p.period_start, a.sort_order
