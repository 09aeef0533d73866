-- one row per area per period: hub activity per 1,000 residents a year; clusters with no hub have no rates
with grid as (
    select * from core_area_periods
),

hub_periods as (
    select * from mart_empowerment__hub_periods
),

summed as (
    select
        period_label,
        case when grouping(cluster_slug) = 1 then 'borough' else cluster_slug end as area_slug,
        count(*) as n_hubs,
        count(*) filter (where is_in_library) as n_hubs_in_library,
        count(*) filter (where n_days_reported > 0) as n_hubs_reporting,
        sum(n_days_reported) as n_days_reported,
        sum(n_attendances) as n_attendances,
        sum(n_events) as n_events,
        sum(n_advice_sessions) as n_advice_sessions,
        sum(n_digital_help) as n_digital_help,
        sum(volunteer_hours) as volunteer_hours
    from hub_periods
    group by grouping sets ((period_label, cluster_slug), (period_label))
),

final as (
    select
        grid.area_slug::varchar as area_slug,
        grid.area_type::varchar as area_type,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        grid.population::integer as population,
        grid.n_months::integer as n_months,
        coalesce(summed.n_hubs, 0)::integer as n_hubs,
        (coalesce(summed.n_hubs, 0) > 0)::boolean as has_hub,
        coalesce(summed.n_hubs_in_library, 0)::integer as n_hubs_in_library,
        coalesce(summed.n_hubs_reporting, 0)::integer as n_hubs_reporting,
        summed.n_days_reported::bigint as n_days_reported,
        summed.n_attendances::bigint as n_attendances,
        summed.n_events::bigint as n_events,
        summed.n_advice_sessions::bigint as n_advice_sessions,
        summed.n_digital_help::bigint as n_digital_help,
        summed.volunteer_hours::double as volunteer_hours,
        (summed.n_attendances * 1000.0 / grid.population * 12 / grid.n_months)::double
            as attendances_per_1000_a_year,
        (summed.n_events * 1000.0 / grid.population * 12 / grid.n_months)::double
            as events_per_1000_a_year,
        (summed.n_advice_sessions * 1000.0 / grid.population * 12 / grid.n_months)::double
            as advice_per_1000_a_year,
        (summed.n_digital_help * 1000.0 / grid.population * 12 / grid.n_months)::double
            as digital_help_per_1000_a_year
    from grid
    left join summed using (area_slug, period_label)
)

select * from final
