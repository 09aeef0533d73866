-- one row per ward per period of validity of its cluster assignment (dated data, not code)
with mapping as (
    select * from ref_ward_cluster_map
),

final as (
    select
        ward_code::varchar as ward_code,
        ward_name::varchar as ward_name,
        cluster_slug::varchar as cluster_slug,
        valid_from::date as valid_from,
        coalesce(try_cast(valid_to as date), date '9999-12-31') as valid_to
    from mapping
)

select * from final
