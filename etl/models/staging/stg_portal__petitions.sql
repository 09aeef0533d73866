-- one row per petition (latest extract wins)
with source as (
    select * from raw_portal__petitions
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by petition_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        petition_id::VARCHAR as petition_id,
        project_id::VARCHAR as project_id,
        title::VARCHAR as title,
        area::VARCHAR as area,
        created_on::DATE as created_on,
        closed_on::DATE as closed_on,
        signatures::BIGINT as signatures,
        threshold::BIGINT as threshold,
        response_on::DATE as response_on
    from latest
)

select * from final
