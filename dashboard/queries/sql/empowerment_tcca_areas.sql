-- TCCA requests, time to fulfil, volunteers and deprivation in every area for one period
select t.area_slug, a.area_name, a.sort_order, t.area_type, t.period_label, t.population,
       t.n_requests, t.n_fulfilled, t.n_not_fulfilled, t.n_within_24h, t.n_within_48h,
       t.share_within_24h, t.share_within_48h, t.p50_hours_to_fulfil, t.p90_hours_to_fulfil,
       t.requests_per_1000_a_year, t.n_volunteers_registered, t.n_registered_outside,
       t.n_volunteers_active, t.n_active_outside, t.volunteers_registered_per_1000,
       t.volunteers_active_per_1000, t.n_volunteers_serving, t.requests_per_serving_volunteer,
       t.pct_pop_most_deprived_20pc, t.median_imd2019_decile
from mart_empowerment__tcca_areas t
join core_areas a using (area_slug)
where t.period_label = $period
order by a.sort_order
