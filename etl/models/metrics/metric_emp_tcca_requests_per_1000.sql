-- one row per area per period: TCCA support requests per 1,000 residents a year (annualised for quarters)
with requests as (
    select * from core_tcca_requests
),

periods as (
    select * from core_periods
),

grid as (
    select * from core_area_periods
),

counted as (
    select
        periods.period_label,
        case when grouping(requests.cluster_slug) = 1 then 'borough'
             else requests.cluster_slug end as area_slug,
        count(*) as n_requests
    from requests
    join periods on requests.received_at::date between periods.period_start and periods.period_end
    group by grouping sets ((periods.period_label, requests.cluster_slug), (periods.period_label))
),

final as (
    select
        'emp_tcca_requests_per_1000'::varchar as metric_id,
        grid.area_slug::varchar as area_slug,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        (coalesce(counted.n_requests, 0) * 1000.0 / grid.population * 12 / grid.n_months)::double
            as value,
        coalesce(counted.n_requests, 0)::double as numerator,
        grid.population::double as denominator
    from grid
    left join counted using (area_slug, period_label)
)

select * from final
