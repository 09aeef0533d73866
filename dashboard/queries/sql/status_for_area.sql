-- every metric's status in one area and period, with its catalogue entry
select s.metric_id, s.theme, s.area_slug, s.period_type, s.period_label, s.value, s.numerator,
       s.denominator, s.base_n, s.target, s.rag, s.previous_period_label, s.previous_value, s.direction,
       c.title, c.short_title, c.objective, c.unit, c.decimals, c.polarity, c.counts_people,
       c.areas, c.sort_order
from metric_status s
join ref_metric_catalogue c using (metric_id)
where s.period_label = $period and s.area_slug = $area
order by c.sort_order
