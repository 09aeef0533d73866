-- one row per area per period with fulfilled requests: median hours from request to fulfilment
with fulfilled as (
    select * from core_tcca_requests where is_fulfilled
),

periods as (
    select * from core_periods
),

counted as (
    select
        periods.period_type,
        periods.period_label,
        case when grouping(fulfilled.cluster_slug) = 1 then 'borough'
             else fulfilled.cluster_slug end as area_slug,
        median(fulfilled.hours_to_fulfil) as median_hours,
        count(*) as n_fulfilled
    from fulfilled
    join periods on fulfilled.received_at::date between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_type, periods.period_label, fulfilled.cluster_slug),
        (periods.period_type, periods.period_label)
    )
),

final as (
    select
        'emp_tcca_median_hours_to_fulfil'::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        median_hours::double as value,
        null::double as numerator,
        n_fulfilled::double as denominator
    from counted
)

select * from final
