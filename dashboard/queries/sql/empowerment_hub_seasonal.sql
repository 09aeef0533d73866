-- seasonal pattern: mean attendances per calendar month across every financial year held
with months as (
    select * from mart_empowerment__hub_months
    where $area = 'borough' or cluster_slug = $area
),

years as (
    select count(distinct fy_label) as n_years,
           min(fy_label) as first_year,
           max(fy_label) as last_year
    from months
)

select m.month_of_year,
       sum(m.n_attendances) * 1.0 / any_value(y.n_years) as mean_attendances,
       sum(m.n_events) * 1.0 / any_value(y.n_years) as mean_events,
       sum(m.n_advice_sessions) * 1.0 / any_value(y.n_years) as mean_advice_sessions,
       sum(m.n_digital_help) * 1.0 / any_value(y.n_years) as mean_digital_help,
       any_value(y.n_years) as n_years,
       any_value(y.first_year) as first_year,
       any_value(y.last_year) as last_year
from months m, years y
group by m.month_of_year
order by (m.month_of_year + 8) % 12
