-- one row per theme per period (borough): share of commitments Green or Complete at the latest update
-- (one model for the three theme metrics: the rule is identical, only the theme differs)
with updates as (
    select * from core_commitment_updates
),

latest_in_year as (
    select *
    from updates
    qualify row_number() over (
        partition by commitment_id, fy_label order by quarter desc
    ) = 1
),

by_period as (
    select theme, 'quarter' as period_type, quarter_label as period_label, is_on_track
    from updates
    union all
    select theme, 'fy', fy_label, is_on_track
    from latest_in_year
),

counted as (
    select
        theme,
        period_type,
        period_label,
        count(*) filter (where is_on_track) as n_on_track,
        count(*) as n_reported
    from by_period
    group by all
),

final as (
    select
        (lower(left(theme, 3)) || '_commitments_on_track_share')::varchar as metric_id,
        'borough'::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        (100.0 * n_on_track / n_reported)::double as value,
        n_on_track::double as numerator,
        n_reported::double as denominator
    from counted
)

select * from final
