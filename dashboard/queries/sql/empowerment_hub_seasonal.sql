-- seasonal pattern: each calendar month's mean over the financial years in which that month
-- had returns (a month no hub reported in is missing that year, not a zero)
with months as (
    select * from mart_empowerment__hub_months
    where $area = 'borough' or cluster_slug = $area
),

years as (
    select count(distinct fy_label) as n_years,
           min(fy_label) as first_year,
           max(fy_label) as last_year
    from months
),

by_month as (
    select month_of_year, fy_label,
           sum(n_days_reported) as n_days_reported,
           sum(n_attendances) as n_attendances,
           sum(n_events) as n_events,
           sum(n_advice_sessions) as n_advice_sessions,
           sum(n_digital_help) as n_digital_help
    from months
    group by month_of_year, fy_label
),

seasonal as (
    select month_of_year,
           count(*) filter (where n_days_reported > 0) as n_years_reported,
           sum(n_attendances) filter (where n_days_reported > 0) as n_attendances,
           sum(n_events) filter (where n_days_reported > 0) as n_events,
           sum(n_advice_sessions) filter (where n_days_reported > 0) as n_advice_sessions,
           sum(n_digital_help) filter (where n_days_reported > 0) as n_digital_help
    from by_month
    group by month_of_year
)

select s.month_of_year,
       s.n_attendances * 1.0 / nullif(s.n_years_reported, 0) as mean_attendances,
       s.n_events * 1.0 / nullif(s.n_years_reported, 0) as mean_events,
       s.n_advice_sessions * 1.0 / nullif(s.n_years_reported, 0) as mean_advice_sessions,
       s.n_digital_help * 1.0 / nullif(s.n_years_reported, 0) as mean_digital_help,
       s.n_years_reported,
       y.n_years,
       y.first_year,
       y.last_year
from seasonal s, years y
order by (s.month_of_year + 8) % 12
