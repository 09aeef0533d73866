-- one row per financial year (borough): mean gender pay gap in hourly pay, 2017 Regulations
with relevant as (
    select * from core_workforce
    where is_full_pay_relevant and sex in ('Male', 'Female')
),

by_sex as (
    select
        fy_label,
        avg(hourly_pay_gbp) filter (where sex = 'Male') as men_gbp,
        avg(hourly_pay_gbp) filter (where sex = 'Female') as women_gbp,
        least(count(*) filter (where sex = 'Male'), count(*) filter (where sex = 'Female'))
            as smallest_group
    from relevant
    group by fy_label
),

final as (
    select
        'equ_gender_pay_gap_mean'::varchar as metric_id,
        'borough'::varchar as area_slug,
        'fy'::varchar as period_type,
        fy_label::varchar as period_label,
        (100.0 * (men_gbp - women_gbp) / men_gbp)::double as value,
        (men_gbp - women_gbp)::double as numerator,
        men_gbp::double as denominator,
        -- a gap between two groups rests on the smaller: 1 to 4 people and it is not published
        smallest_group::bigint as base_n
    from by_sex
    where men_gbp > 0 and women_gbp is not null
)

select * from final
