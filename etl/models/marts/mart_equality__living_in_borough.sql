-- one row per snapshot per cluster (plus "outside the borough"): where staff live
-- Home ward from the HR record, mapped to the cluster valid at the snapshot (core_workforce).
with workforce as (
    select * from core_workforce
),

areas as (
    select * from core_areas
    where area_type = 'cluster'
),

snapshots as (
    select snapshot_on, count(*) as n_staff from workforce group by snapshot_on
),

places as (
    select area_slug, area_name, sort_order from areas
    union all
    select 'outside', 'Outside the borough', 99
),

counted as (
    select snapshot_on, coalesce(home_cluster_slug, 'outside') as area_slug, count(*) as n
    from workforce
    group by all
),

final as (
    select
        year(snapshots.snapshot_on)::integer as snapshot_year,
        snapshots.snapshot_on::date as snapshot_on,
        places.area_slug::varchar as area_slug,
        places.area_name::varchar as area_name,
        places.sort_order::integer as sort_order,
        coalesce(counted.n, 0)::bigint as n_staff,
        snapshots.n_staff::bigint as n_all_staff,
        (100.0 * coalesce(counted.n, 0) / snapshots.n_staff)::double as share_percent
    from snapshots
    cross join places
    left join counted
        on counted.snapshot_on = snapshots.snapshot_on
        and counted.area_slug = places.area_slug
)

select * from final
