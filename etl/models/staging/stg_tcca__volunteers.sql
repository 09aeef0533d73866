-- one row per registered volunteer (latest extract wins)
with source as (
    select * from raw_tcca__volunteers
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by volunteer_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        volunteer_id::VARCHAR as volunteer_id,
        registered_on::DATE as registered_on,
        ward_code::VARCHAR as ward_code,
        status::VARCHAR as status,
        last_active_on::DATE as last_active_on
    from latest
)

select * from final
