-- one row per snapshot per breakdown (all staff / grade band / directorate) per characteristic
-- per category: staff counts, share of those who disclosed, and the Census 2021 comparator
--
-- "Disclosed" = a substantive answer: blank ("Not disclosed") and "Prefer not to say" are
-- counted but left out of the shares. The comparator is Census 2021 (21 March 2021), Thurrock
-- usual residents aged 16 and over (ref_census2021_profile_16plus), as a share of those who
-- answered (religion and sexual orientation were voluntary: "Not answered" is left out).
-- Age: the census 65-74 and 75+ bands are summed to match the HR "65+" band; the census base
-- includes retired residents, so older bands are expected to be under-represented.
-- representation_ratio = staff share / census share (1 = representative).
with workforce as (
    select * from core_workforce
),

census as (
    select * from ref_census2021_profile_16plus
),

long as (
    unpivot (
        select
            snapshot_on,
            grade_band,
            directorate,
            sex,
            age_band,
            ethnic_group,
            disability,
            religion,
            sexual_orientation
        from workforce
    )
    on sex, age_band, ethnic_group, disability, religion, sexual_orientation
    into name characteristic value category
),

broken_down as (
    select snapshot_on, 'All staff' as breakdown, 'All staff' as breakdown_value,
        characteristic, category
    from long
    union all
    select snapshot_on, 'Grade band', grade_band, characteristic, category
    from long
    union all
    select snapshot_on, 'Directorate', directorate, characteristic, category
    from long
),

counted as (
    select
        snapshot_on,
        breakdown,
        breakdown_value,
        characteristic,
        category,
        category not in ('Not disclosed', 'Prefer not to say') as is_disclosed,
        count(*) as n_staff
    from broken_down
    group by all
),

totalled as (
    select
        *,
        sum(n_staff) over w as n_in_group,
        sum(n_staff) filter (where is_disclosed) over w as n_disclosed_in_group
    from counted
    window w as (partition by snapshot_on, breakdown, breakdown_value, characteristic)
),

census_mapped as (
    select
        case topic when 'ethnic_group_8cat' then 'ethnic_group' else topic end as characteristic,
        case
            when topic = 'age_band' and category in ('Aged 65 to 74 years', 'Aged 75 years and over')
                then '65+'
            when topic = 'age_band'
                then regexp_replace(category, '^Aged (\d+) to (\d+) years$', '\1-\2')
            when topic = 'disability' and category like 'Disabled%' then 'Yes'
            when topic = 'disability' and category like 'Not disabled%' then 'No'
            when category = 'All other sexual orientations' then 'Other sexual orientation'
            else category
        end as category,
        count
    from census
    where topic in ('sex', 'age_band', 'ethnic_group_8cat', 'disability', 'religion',
        'sexual_orientation')
        and category <> 'Not answered'
),

census_shares as (
    select
        characteristic,
        category,
        100.0 * sum(count) / sum(sum(count)) over (partition by characteristic) as census_percent
    from census_mapped
    group by characteristic, category
),

final as (
    select
        year(totalled.snapshot_on)::integer as snapshot_year,
        totalled.snapshot_on::date as snapshot_on,
        totalled.breakdown::varchar as breakdown,
        totalled.breakdown_value::varchar as breakdown_value,
        totalled.characteristic::varchar as characteristic,
        totalled.category::varchar as category,
        totalled.is_disclosed::boolean as is_disclosed,
        totalled.n_staff::bigint as n_staff,
        totalled.n_in_group::bigint as n_in_group,
        coalesce(totalled.n_disclosed_in_group, 0)::bigint as n_disclosed_in_group,
        case when totalled.is_disclosed
            then 100.0 * totalled.n_staff / totalled.n_disclosed_in_group
        end::double as share_of_disclosed_percent,
        census_shares.census_percent::double as census_percent,
        case
            when census_shares.census_percent is not null
                then 'Census 2021 (21 March 2021), Thurrock residents aged 16 and over'
            when totalled.is_disclosed then 'No Census 2021 comparator for this category'
        end::varchar as comparator,
        case when totalled.is_disclosed
            then (100.0 * totalled.n_staff / totalled.n_disclosed_in_group)
                / nullif(census_shares.census_percent, 0)
        end::double as representation_ratio
    from totalled
    left join census_shares
        on census_shares.characteristic = totalled.characteristic
        and census_shares.category = totalled.category
)

select * from final
