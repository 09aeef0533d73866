-- one row per registered TCCA volunteer (pseudonymised), with home cluster (null = outside the borough)
with volunteers as (
    select * from stg_tcca__volunteers
),

wards as (
    select * from core_ward_clusters
),

final as (
    select
        volunteers.volunteer_id::varchar as volunteer_id,
        volunteers.registered_on::date as registered_on,
        volunteers.ward_code::varchar as ward_code,
        wards.cluster_slug::varchar as cluster_slug,
        volunteers.status::varchar as status,
        volunteers.last_active_on::date as last_active_on
    from volunteers
    left join wards
        on wards.ward_code = volunteers.ward_code
        and volunteers.registered_on between wards.valid_from and wards.valid_to
)

select * from final
