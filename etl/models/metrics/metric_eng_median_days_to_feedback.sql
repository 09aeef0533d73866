-- one row per area per period with published feedback: median days from close to feedback
with projects as (
    select * from core_projects where is_feedback_published
),

periods as (
    select * from core_periods
),

counted as (
    select
        periods.period_type,
        periods.period_label,
        case when grouping(projects.cluster_slug) = 1 then 'borough'
             else projects.cluster_slug end as area_slug,
        median(projects.days_to_feedback::double) as median_days,
        count(*) as n_projects
    from projects
    join periods on projects.closed_on between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_type, periods.period_label, projects.cluster_slug),
        (periods.period_type, periods.period_label)
    )
),

final as (
    select
        'eng_median_days_to_feedback'::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        median_days::double as value,
        null::double as numerator,
        n_projects::double as denominator
    from counted
    where area_slug is not null
)

select * from final
