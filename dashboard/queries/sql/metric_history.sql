-- one metric's values over time for every area, for one period type
select s.metric_id, s.area_slug, a.area_name, a.area_type, s.period_label, s.period_start,
       s.value, s.numerator, s.denominator, s.base_n, s.target, s.rag, s.direction, c.counts_people, c.unit
from metric_status s
join core_areas a using (area_slug)
join ref_metric_catalogue c using (metric_id)
where s.metric_id = $metric and s.period_type = $period_type
order by a.sort_order, s.period_start
