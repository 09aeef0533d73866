-- requests by need, referral source and outcome in every area, for one period or every quarter
select b.area_slug, b.period_label, p.period_start, b.breakdown, b.category, b.category_order,
       b.n_requests
from mart_empowerment__tcca_breakdown b
join core_periods p using (period_label)
where (b.period_label = $period or (b.period_type = 'quarter' and $period = 'all quarters'))
  and b.breakdown in (select unnest(string_split($breakdowns, ',')))
order by p.period_start, b.breakdown, b.category_order
