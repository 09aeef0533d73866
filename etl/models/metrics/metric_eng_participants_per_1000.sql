-- one row per area per period: distinct contributing participants per 1,000 residents
with contributions as (
    select * from core_contributions
    where participant_id is not null and cluster_slug is not null
),

periods as (
    select * from core_periods
),

grid as (
    select * from core_area_periods
),

counted as (
    select
        periods.period_label,
        case when grouping(contributions.cluster_slug) = 1 then 'borough'
             else contributions.cluster_slug end as area_slug,
        count(distinct contributions.participant_id) as n_participants
    from contributions
    join periods on contributions.submitted_on between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_label, contributions.cluster_slug), (periods.period_label)
    )
),

final as (
    select
        'eng_participants_per_1000'::varchar as metric_id,
        grid.area_slug::varchar as area_slug,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        (coalesce(counted.n_participants, 0) * 1000.0 / grid.population)::double as value,
        coalesce(counted.n_participants, 0)::double as numerator,
        grid.population::double as denominator
    from grid
    left join counted using (area_slug, period_label)
)

select * from final
