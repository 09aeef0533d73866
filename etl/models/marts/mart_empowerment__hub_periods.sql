-- one row per community hub per period: its activity, and whether it sent any returns
with hub_months as (
    select * from mart_empowerment__hub_months
),

periods as (
    select * from core_periods
),

final as (
    select
        hub_months.hub_id::varchar as hub_id,
        any_value(hub_months.hub_name)::varchar as hub_name,
        any_value(hub_months.cluster_slug)::varchar as cluster_slug,
        any_value(hub_months.is_in_library)::boolean as is_in_library,
        periods.period_type::varchar as period_type,
        periods.period_label::varchar as period_label,
        sum(hub_months.n_days_reported)::bigint as n_days_reported,
        sum(hub_months.n_attendances)::bigint as n_attendances,
        sum(hub_months.n_events)::bigint as n_events,
        sum(hub_months.n_advice_sessions)::bigint as n_advice_sessions,
        sum(hub_months.n_digital_help)::bigint as n_digital_help,
        sum(hub_months.volunteer_hours)::double as volunteer_hours
    from hub_months
    join periods on hub_months.month_start between periods.period_start and periods.period_end
    group by hub_months.hub_id, periods.period_type, periods.period_label
)

select * from final
