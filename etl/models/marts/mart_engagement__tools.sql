-- one row per area per period per engagement tool: contributions made with that tool
with contributions as (
    select * from core_contributions where cluster_slug is not null
),

periods as (
    select * from core_periods
),

grid as (
    select * from core_area_periods
),

tools as (
    select * from (
        values
            (1, 'survey', 'Survey'),
            (2, 'quick_poll', 'Quick poll'),
            (3, 'ideas', 'Ideas'),
            (4, 'questions', 'Q&A'),
            (5, 'stories', 'Stories'),
            (6, 'forum', 'Forum'),
            (7, 'places', 'Places'),
            (8, 'budget', 'Participatory budgeting'),
            (9, 'petition', 'Petitions')
    ) as t(tool_order, tool, tool_name)
),

counted as (
    select
        periods.period_label,
        case when grouping(contributions.cluster_slug) = 1 then 'borough'
             else contributions.cluster_slug end as area_slug,
        contributions.tool,
        count(*) as n_contributions
    from contributions
    join periods on contributions.submitted_on between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_label, contributions.cluster_slug, contributions.tool),
        (periods.period_label, contributions.tool)
    )
),

final as (
    select
        grid.area_slug::varchar as area_slug,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        grid.period_start::date as period_start,
        tools.tool::varchar as tool,
        tools.tool_name::varchar as tool_name,
        tools.tool_order::integer as tool_order,
        coalesce(counted.n_contributions, 0)::bigint as n_contributions
    from grid
    cross join tools
    left join counted using (area_slug, period_label, tool)
)

select * from final
