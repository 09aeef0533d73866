-- one row per area with a hub (and the borough) per period: attendances per 1,000 residents a year
-- (no row, not 0, where no hub in the area sent a return for the period: no data, not rated)
with hub_days as (
    select * from core_hub_days
),

periods as (
    select * from core_periods
),

grid as (
    select * from core_area_periods
    where area_type = 'borough' or area_slug in (select cluster_slug from ref_hubs)
),

counted as (
    select
        periods.period_label,
        case when grouping(hub_days.cluster_slug) = 1 then 'borough'
             else hub_days.cluster_slug end as area_slug,
        sum(hub_days.n_attendances) as n
    from hub_days
    join periods on hub_days.activity_on between periods.period_start and periods.period_end
    group by grouping sets ((periods.period_label, hub_days.cluster_slug), (periods.period_label))
),

final as (
    select
        'emp_hub_attendances_per_1000'::varchar as metric_id,
        grid.area_slug::varchar as area_slug,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        (counted.n * 1000.0 / grid.population * 12 / grid.n_months)::double as value,
        counted.n::double as numerator,
        grid.population::double as denominator
    from grid
    join counted using (area_slug, period_label)
)

select * from final
