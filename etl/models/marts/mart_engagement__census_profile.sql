-- one row per area per characteristic per category: the Census 2021 comparator for participants
-- Age bands exist for every cluster (all usual residents); sex, ethnic group and disability are
-- published here for the borough only (residents aged 16 and over), so clusters have no comparator
-- for them rather than an invented one.
with clusters as (
    select * from ref_clusters
),

age_by_cluster as (
    select * from ref_census2021_age_by_cluster
),

profile_16plus as (
    select * from ref_census2021_profile_16plus
),

cluster_ages as (
    select
        clusters.cluster_slug as area_slug,
        ages.category,
        ages.n
    from age_by_cluster
    join clusters on clusters.cluster = age_by_cluster.cluster
    cross join lateral (
        values
            ('Under 16', age_by_cluster.age_0_15),
            ('16-24', age_by_cluster.age_16_24),
            ('25-34', age_by_cluster.age_25_34),
            ('35-49', age_by_cluster.age_35_49),
            ('50-64', age_by_cluster.age_50_64),
            ('65+', age_by_cluster.age_65_plus)
    ) as ages(category, n)
),

ages as (
    select area_slug, 'age_band' as characteristic, category, n,
        'Census 2021, all usual residents' as comparator
    from cluster_ages
    union all
    select 'borough', 'age_band', category, sum(n), 'Census 2021, all usual residents'
    from cluster_ages
    group by category
),

-- the 16+ profile's categories, mapped onto the portal's answer options
borough_16plus as (
    select
        case topic when 'ethnic_group_8cat' then 'ethnic_group' else topic end as characteristic,
        case
            when topic = 'ethnic_group_8cat' and category like 'White%' then 'White'
            when topic = 'disability' and category like 'Disabled%' then 'Yes'
            when topic = 'disability' and category like 'Not disabled%' then 'No'
            else category
        end as category,
        count::bigint as n
    from profile_16plus
    where topic in ('sex', 'ethnic_group_8cat', 'disability')
),

borough_other as (
    select 'borough' as area_slug, characteristic, category, sum(n) as n,
        'Census 2021, residents aged 16 and over' as comparator
    from borough_16plus
    group by characteristic, category
),

combined as (
    select * from ages
    union all
    select * from borough_other
),

final as (
    select
        area_slug::varchar as area_slug,
        characteristic::varchar as characteristic,
        category::varchar as category,
        n::bigint as census_count,
        (n / sum(n) over (partition by area_slug, characteristic))::double as census_share,
        comparator::varchar as comparator
    from combined
)

select * from final
