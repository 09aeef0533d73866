-- one row per commitment per quarter (latest extract wins)
with source as (
    select * from raw_commitments__updates
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by commitment_id, quarter order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        commitment_id::VARCHAR as commitment_id,
        quarter::VARCHAR as quarter,
        rag::VARCHAR as rag,
        percent_complete::BIGINT as percent_complete,
        lead_directorate::VARCHAR as lead_directorate,
        commentary::VARCHAR as commentary
    from latest
)

select * from final
