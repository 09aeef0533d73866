-- one row per area per period per characteristic per category: participants who contributed,
-- beside the Census 2021 share of the same area where one exists (representation ratio)
with contributions as (
    select * from core_contributions
    where participant_id is not null and cluster_slug is not null
),

participants as (
    select * from core_participants
),

periods as (
    select * from core_periods
),

grid as (
    select * from core_area_periods
),

census as (
    select * from mart_engagement__census_profile
),

active as (
    select distinct
        periods.period_label,
        contributions.cluster_slug,
        contributions.participant_id
    from contributions
    join periods on contributions.submitted_on between periods.period_start and periods.period_end
),

profiled as (
    select
        active.period_label,
        active.cluster_slug,
        active.participant_id,
        participants.age_band,
        participants.sex,
        participants.ethnic_group,
        participants.disability
    from active
    join participants using (participant_id)
),

long as (
    unpivot profiled
    on age_band, sex, ethnic_group, disability
    into name characteristic value category
),

counted as (
    select
        period_label,
        case when grouping(cluster_slug) = 1 then 'borough' else cluster_slug end as area_slug,
        characteristic,
        category,
        count(distinct participant_id) as n_participants
    from long
    group by grouping sets (
        (period_label, cluster_slug, characteristic, category),
        (period_label, characteristic, category)
    )
),

-- every comparator category appears, so a group nobody from took part is shown as zero
expected as (
    select grid.area_slug, grid.period_label, census.characteristic, census.category
    from grid
    join census on census.area_slug = grid.area_slug
    union
    select grid.area_slug, grid.period_label, characteristic, category
    from grid
    cross join (
        select distinct characteristic, category from census where area_slug = 'borough'
    )
),

cells as (
    select
        coalesce(counted.area_slug, expected.area_slug) as area_slug,
        coalesce(counted.period_label, expected.period_label) as period_label,
        coalesce(counted.characteristic, expected.characteristic) as characteristic,
        coalesce(counted.category, expected.category) as category,
        coalesce(counted.n_participants, 0) as n_participants
    from expected
    full outer join counted
        on counted.area_slug = expected.area_slug
        and counted.period_label = expected.period_label
        and counted.characteristic = expected.characteristic
        and counted.category = expected.category
),

with_totals as (
    select
        cells.*,
        cells.category not in ('Prefer not to say', 'Not answered') as is_disclosed,
        sum(n_participants) over (partition by area_slug, period_label, characteristic)
            as n_total,
        sum(n_participants) filter (where category not in ('Prefer not to say', 'Not answered'))
            over (partition by area_slug, period_label, characteristic) as n_disclosed
    from cells
),

final as (
    select
        with_totals.area_slug::varchar as area_slug,
        periods.period_type::varchar as period_type,
        with_totals.period_label::varchar as period_label,
        with_totals.characteristic::varchar as characteristic,
        with_totals.category::varchar as category,
        with_totals.is_disclosed::boolean as is_disclosed,
        with_totals.n_participants::bigint as n_participants,
        with_totals.n_total::bigint as n_total,
        coalesce(with_totals.n_disclosed, 0)::bigint as n_disclosed,
        (case when with_totals.is_disclosed and with_totals.n_disclosed > 0
              then with_totals.n_participants / with_totals.n_disclosed end)::double
            as share_of_disclosed,
        census.census_share::double as census_share,
        census.comparator::varchar as comparator,
        (case when with_totals.is_disclosed and with_totals.n_disclosed > 0
              then (with_totals.n_participants / with_totals.n_disclosed) / census.census_share
         end)::double as representation_ratio
    from with_totals
    join periods on periods.period_label = with_totals.period_label
    left join census
        on census.area_slug = with_totals.area_slug
        and census.characteristic = with_totals.characteristic
        and census.category = with_totals.category
)

select * from final
