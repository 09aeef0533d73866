-- one row per financial year (borough): share of staff who disclosed all four characteristics
with workforce as (
    select * from core_workforce
),

counted as (
    select
        fy_label,
        count(*) filter (
            where ethnic_group not in ('Not disclosed', 'Prefer not to say')
            and disability not in ('Not disclosed', 'Prefer not to say')
            and religion not in ('Not disclosed', 'Prefer not to say')
            and sexual_orientation not in ('Not disclosed', 'Prefer not to say')
        ) as n_disclosed,
        count(*) as n_staff
    from workforce
    group by fy_label
),

final as (
    select
        'equ_workforce_disclosure_rate'::varchar as metric_id,
        'borough'::varchar as area_slug,
        'fy'::varchar as period_type,
        fy_label::varchar as period_label,
        (100.0 * n_disclosed / n_staff)::double as value,
        n_disclosed::double as numerator,
        n_staff::double as denominator
    from counted
)

select * from final
