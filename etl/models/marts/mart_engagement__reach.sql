-- one row per area per period: who took part on the portal, how much, and who registered
with grid as (
    select * from core_area_periods
),

periods as (
    select * from core_periods
),

contributions as (
    select * from core_contributions
),

participants as (
    select * from core_participants
),

contributed as (
    select
        periods.period_label,
        case when grouping(contributions.cluster_slug) = 1 then 'borough'
             else contributions.cluster_slug end as area_slug,
        count(distinct contributions.participant_id) as n_participants,
        count(*) as n_contributions
    from contributions
    join periods on contributions.submitted_on between periods.period_start and periods.period_end
    where contributions.cluster_slug is not null
    group by grouping sets (
        (periods.period_label, contributions.cluster_slug), (periods.period_label)
    )
),

registered as (
    select
        periods.period_label,
        case when grouping(participants.cluster_slug) = 1 then 'borough'
             else participants.cluster_slug end as area_slug,
        count(*) as n_new_registrations
    from participants
    join periods on participants.registered_on between periods.period_start and periods.period_end
    where participants.cluster_slug is not null
    group by grouping sets (
        (periods.period_label, participants.cluster_slug), (periods.period_label)
    )
),

-- contributions with no ward, or from outside the borough: counted at borough level, not lost
unplaced as (
    select
        periods.period_label,
        'borough' as area_slug,
        count(*) as n_contributions_unplaced
    from contributions
    join periods on contributions.submitted_on between periods.period_start and periods.period_end
    where contributions.cluster_slug is null
    group by periods.period_label
),

final as (
    select
        grid.area_slug::varchar as area_slug,
        grid.area_type::varchar as area_type,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        grid.population::integer as population,
        coalesce(contributed.n_participants, 0)::bigint as n_participants,
        coalesce(contributed.n_contributions, 0)::bigint as n_contributions,
        coalesce(registered.n_new_registrations, 0)::bigint as n_new_registrations,
        (case when grid.area_type = 'borough'
              then coalesce(unplaced.n_contributions_unplaced, 0) end)::bigint
            as n_contributions_unplaced,
        (coalesce(contributed.n_participants, 0) * 1000.0 / grid.population)::double
            as participants_per_1000,
        (coalesce(contributed.n_contributions, 0) * 1000.0 / grid.population * 12 / grid.n_months)::double
            as contributions_per_1000_a_year,
        (coalesce(registered.n_new_registrations, 0) * 1000.0 / grid.population)::double
            as registrations_per_1000
    from grid
    left join contributed using (area_slug, period_label)
    left join registered using (area_slug, period_label)
    left join unplaced using (area_slug, period_label)
)

select * from final
