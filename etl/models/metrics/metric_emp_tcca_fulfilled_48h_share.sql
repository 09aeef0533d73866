-- one row per area per period with requests: share fulfilled within 48 hours (never-fulfilled count as not)
with requests as (
    select * from core_tcca_requests
),

periods as (
    select * from core_periods
),

counted as (
    select
        periods.period_type,
        periods.period_label,
        case when grouping(requests.cluster_slug) = 1 then 'borough'
             else requests.cluster_slug end as area_slug,
        count(*) filter (where requests.hours_to_fulfil <= 48) as n_within_48h,
        count(*) as n_requests
    from requests
    join periods on requests.received_at::date between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_type, periods.period_label, requests.cluster_slug),
        (periods.period_type, periods.period_label)
    )
),

final as (
    select
        'emp_tcca_fulfilled_48h_share'::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        (100.0 * n_within_48h / n_requests)::double as value,
        n_within_48h::double as numerator,
        n_requests::double as denominator
    from counted
)

select * from final
