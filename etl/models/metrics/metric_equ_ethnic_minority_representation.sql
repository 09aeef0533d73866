-- one row per financial year (borough): ethnic minority share of staff / share of residents 16+ (Census 2021)
with workforce as (
    select * from core_workforce
    where ethnic_group not in ('Not disclosed', 'Prefer not to say')
),

census as (
    select
        sum(count) filter (
            where category <> 'White: English, Welsh, Scottish, Northern Irish or British'
        ) / sum(count) as minority_share
    from ref_census2021_profile_16plus
    where topic = 'ethnic_group_8cat'
),

staff as (
    select
        fy_label,
        count(*) filter (
            where ethnic_group <> 'White: English, Welsh, Scottish, Northern Irish or British'
        ) as n_minority,
        count(*) as n_disclosed
    from workforce
    group by fy_label
),

final as (
    select
        'equ_ethnic_minority_representation'::varchar as metric_id,
        'borough'::varchar as area_slug,
        'fy'::varchar as period_type,
        staff.fy_label::varchar as period_label,
        (staff.n_minority * 1.0 / staff.n_disclosed / census.minority_share)::double as value,
        staff.n_minority::double as numerator,
        staff.n_disclosed::double as denominator
    from staff, census
)

select * from final
