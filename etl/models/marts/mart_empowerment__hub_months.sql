-- one row per community hub per calendar month in the reporting range (months without returns kept as zeros)
with hubs as (
    select * from ref_hubs
),

hub_days as (
    select * from core_hub_days
),

periods as (
    select * from core_periods
),

months as (
    select unnest(generate_series(
        (select min(period_start) from periods where period_type = 'fy'),
        (select max(period_start) from periods where period_type = 'quarter') + interval 2 month,
        interval 1 month
    ))::date as month_start
),

grid as (
    select
        hubs.hub_id,
        hubs.hub_name,
        hubs.cluster_slug,
        hubs.in_library,
        months.month_start
    from hubs
    cross join months
),

monthly as (
    select
        hub_id,
        date_trunc('month', activity_on)::date as month_start,
        count(*) as n_days_reported,
        sum(n_attendances) as n_attendances,
        sum(n_drop_ins) as n_drop_ins,
        sum(n_event_attendees) as n_event_attendees,
        sum(n_events) as n_events,
        sum(n_advice_sessions) as n_advice_sessions,
        sum(n_digital_help) as n_digital_help,
        sum(volunteer_hours) as volunteer_hours
    from hub_days
    group by all
),

final as (
    select
        grid.hub_id::varchar as hub_id,
        grid.hub_name::varchar as hub_name,
        grid.cluster_slug::varchar as cluster_slug,
        grid.in_library::boolean as is_in_library,
        grid.month_start::date as month_start,
        month(grid.month_start)::integer as month_of_year,
        fy.period_label::varchar as fy_label,
        qtr.period_label::varchar as quarter_label,
        coalesce(monthly.n_days_reported, 0)::bigint as n_days_reported,
        coalesce(monthly.n_attendances, 0)::bigint as n_attendances,
        coalesce(monthly.n_drop_ins, 0)::bigint as n_drop_ins,
        coalesce(monthly.n_event_attendees, 0)::bigint as n_event_attendees,
        coalesce(monthly.n_events, 0)::bigint as n_events,
        coalesce(monthly.n_advice_sessions, 0)::bigint as n_advice_sessions,
        coalesce(monthly.n_digital_help, 0)::bigint as n_digital_help,
        coalesce(monthly.volunteer_hours, 0)::double as volunteer_hours
    from grid
    left join monthly using (hub_id, month_start)
    join periods as fy
        on fy.period_type = 'fy' and grid.month_start between fy.period_start and fy.period_end
    join periods as qtr
        on qtr.period_type = 'quarter'
        and grid.month_start between qtr.period_start and qtr.period_end
)

select * from final
