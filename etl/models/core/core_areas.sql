-- one row per reporting area: the whole borough and its 9 neighbourhood clusters
with clusters as (
    select * from ref_clusters
),

census as (
    select * from ref_census2021_age_by_cluster
),

imd as (
    select * from ref_imd2019_by_cluster
),

cluster_areas as (
    select
        clusters.cluster_slug as area_slug,
        clusters.cluster as area_name,
        'cluster' as area_type,
        clusters.n_wards,
        census.total as population,
        census.total - census.age_0_15 as population_16_plus,
        imd.share_pop_in_imd_decile_1_2 as share_pop_most_deprived_20pc
    from clusters
    join census on census.cluster = clusters.cluster
    left join imd on imd.cluster = clusters.cluster
),

borough as (
    select
        'borough' as area_slug,
        'Thurrock (whole borough)' as area_name,
        'borough' as area_type,
        sum(n_wards) as n_wards,
        sum(population) as population,
        sum(population_16_plus) as population_16_plus,
        (select sum(pop_mid2015_in_imd_decile_1_2) / sum(pop_mid2015_total) from imd)
            as share_pop_most_deprived_20pc
    from cluster_areas
),

final as (
    select
        area_slug::varchar as area_slug,
        area_name::varchar as area_name,
        area_type::varchar as area_type,
        n_wards::integer as n_wards,
        population::integer as population,
        population_16_plus::integer as population_16_plus,
        share_pop_most_deprived_20pc::double as share_pop_most_deprived_20pc,
        (case when area_type = 'borough' then 0
              else row_number() over (order by area_name) end)::integer as sort_order
    from (select * from borough union all select * from cluster_areas)
)

select * from final
