-- new registrations in every area and period, with each quarter's financial year: a year's
-- registrations are its quarters' added up, and the borough's its clusters' added up
select r.area_slug, r.period_type, r.period_label, p.fy_label, r.n_new_registrations
from mart_engagement__reach r
join core_periods p using (period_label)
order by p.period_start, r.area_slug
