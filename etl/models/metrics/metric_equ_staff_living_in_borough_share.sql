-- one row per financial year (borough): share of staff whose home is in a Thurrock ward
with workforce as (
    select * from core_workforce
),

counted as (
    select
        fy_label,
        count(*) filter (where is_living_in_borough) as n_living_in_borough,
        count(*) as n_staff
    from workforce
    group by fy_label
),

final as (
    select
        'equ_staff_living_in_borough_share'::varchar as metric_id,
        'borough'::varchar as area_slug,
        'fy'::varchar as period_type,
        fy_label::varchar as period_label,
        (100.0 * n_living_in_borough / n_staff)::double as value,
        n_living_in_borough::double as numerator,
        n_staff::double as denominator
    from counted
)

select * from final
