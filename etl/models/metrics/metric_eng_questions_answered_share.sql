-- one row per area per period with questions asked: share answered
with questions as (
    select * from core_contributions where tool = 'questions' and cluster_slug is not null
),

periods as (
    select * from core_periods
),

counted as (
    select
        periods.period_type,
        periods.period_label,
        case when grouping(questions.cluster_slug) = 1 then 'borough'
             else questions.cluster_slug end as area_slug,
        count(questions.answered_at) as n_answered,
        count(*) as n_asked
    from questions
    join periods on questions.submitted_on between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_type, periods.period_label, questions.cluster_slug),
        (periods.period_type, periods.period_label)
    )
),

final as (
    select
        'eng_questions_answered_share'::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        (100.0 * n_answered / n_asked)::double as value,
        n_answered::double as numerator,
        n_asked::double as denominator
    from counted
)

select * from final
