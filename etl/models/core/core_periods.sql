-- one row per reporting period: UK financial years (April-March) and their quarters (Q1 = April-June)
with event_dates as (
    select submitted_at::date as d from stg_portal__contributions
    union all select activity_on from stg_hubs__hub_activity
    union all select received_at::date from stg_tcca__support_requests
    union all select snapshot_on - 1 from stg_workforce__snapshots
),

bounds as (
    select min(fy_start_year(d)) as first_year, max(fy_start_year(d)) as last_year
    from event_dates
),

years as (
    select unnest(range(first_year, last_year + 1)) as y from bounds
),

financial_years as (
    select
        'fy' as period_type,
        y as fy_start_year,
        0 as quarter,
        make_date(y, 4, 1) as period_start,
        make_date(y + 1, 3, 31) as period_end
    from years
),

quarters as (
    select
        'quarter' as period_type,
        y as fy_start_year,
        q as quarter,
        (make_date(y, 4, 1) + to_months(3 * (q - 1)))::date as period_start,
        (make_date(y, 4, 1) + to_months(3 * q) - interval 1 day)::date as period_end
    from years, (select unnest(range(1, 5)) as q)
),

labelled as (
    select
        *,
        fy_start_year::varchar || '/' || lpad(((fy_start_year + 1) % 100)::varchar, 2, '0')
            as fy_label
    from (select * from financial_years union all select * from quarters)
),

final as (
    select
        period_type::varchar as period_type,
        (case when period_type = 'fy' then fy_label
              else fy_label || ' Q' || quarter::varchar end)::varchar as period_label,
        fy_label::varchar as fy_label,
        quarter::integer as quarter,
        period_start::date as period_start,
        period_end::date as period_end,
        (date_diff('month', period_start, period_end) + 1)::integer as n_months,
        lag(case when period_type = 'fy' then fy_label
                 else fy_label || ' Q' || quarter::varchar end)
            over (partition by period_type order by period_start)::varchar as previous_period_label
    from labelled
)

select * from final order by period_type, period_start
