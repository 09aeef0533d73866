-- every metric in every area for one period (cluster comparisons and the map)
select s.metric_id, s.area_slug, a.area_name, a.area_type, s.period_label, s.value, s.numerator,
       s.denominator, s.base_n, s.target, s.rag, s.direction, c.counts_people, c.unit, c.sort_order
from metric_status s
join core_areas a using (area_slug)
join ref_metric_catalogue c using (metric_id)
where s.period_label = $period
order by c.sort_order, a.sort_order
