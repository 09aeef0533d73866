-- one row per area per period with answered questions: median days from question to answer
with answered as (
    select * from core_contributions
    where tool = 'questions' and answered_at is not null and cluster_slug is not null
),

periods as (
    select * from core_periods
),

counted as (
    select
        periods.period_type,
        periods.period_label,
        case when grouping(answered.cluster_slug) = 1 then 'borough'
             else answered.cluster_slug end as area_slug,
        median(answered.days_to_answer) as median_days,
        count(*) as n_answered
    from answered
    join periods on answered.submitted_on between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_type, periods.period_label, answered.cluster_slug),
        (periods.period_type, periods.period_label)
    )
),

final as (
    select
        'eng_median_days_to_answer'::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        median_days::double as value,
        null::double as numerator,
        n_answered::double as denominator
    from counted
)

select * from final
