-- one row per project per period with site visits: visitors aware -> informed -> engaged
with visits as (
    select * from stg_portal__site_visits
),

periods as (
    select * from core_periods
),

final as (
    select
        visits.project_id::varchar as project_id,
        periods.period_type::varchar as period_type,
        periods.period_label::varchar as period_label,
        sum(visits.aware)::bigint as aware,
        sum(visits.informed)::bigint as informed,
        sum(visits.engaged)::bigint as engaged
    from visits
    join periods on visits.visit_on between periods.period_start and periods.period_end
    group by all
)

select * from final
