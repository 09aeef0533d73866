-- one row per financial year (borough): disabled share of staff / share of residents 16+ (Census 2021)
with workforce as (
    select * from core_workforce where disability in ('Yes', 'No')
),

census as (
    select
        sum(count) filter (where category like 'Disabled under the Equality Act%') / sum(count)
            as disabled_share
    from ref_census2021_profile_16plus
    where topic = 'disability'
),

staff as (
    select
        fy_label,
        count(*) filter (where disability = 'Yes') as n_disabled,
        count(*) as n_answered
    from workforce
    group by fy_label
),

final as (
    select
        'equ_disabled_staff_representation'::varchar as metric_id,
        'borough'::varchar as area_slug,
        'fy'::varchar as period_type,
        staff.fy_label::varchar as period_label,
        (staff.n_disabled * 1.0 / staff.n_answered / census.disabled_share)::double as value,
        staff.n_disabled::double as numerator,
        staff.n_answered::double as denominator
    from staff, census
)

select * from final
