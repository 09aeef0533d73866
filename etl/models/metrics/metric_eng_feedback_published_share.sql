-- one row per area per period with closed projects: share with "you said, we did" feedback published
with projects as (
    select * from core_projects where is_closed
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
        count(*) filter (where projects.is_feedback_published) as n_published,
        count(*) as n_closed
    from projects
    join periods on projects.closed_on between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_type, periods.period_label, projects.cluster_slug),
        (periods.period_type, periods.period_label)
    )
),

final as (
    select
        'eng_feedback_published_share'::varchar as metric_id,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        (100.0 * n_published / n_closed)::double as value,
        n_published::double as numerator,
        n_closed::double as denominator
    from counted
    where area_slug is not null
)

select * from final
