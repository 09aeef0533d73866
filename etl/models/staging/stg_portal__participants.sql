-- one row per registered participant (latest extract wins)
with source as (
    select * from raw_portal__participants
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by participant_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        participant_id::VARCHAR as participant_id,
        registered_on::DATE as registered_on,
        ward_code::VARCHAR as ward_code,
        age_band::VARCHAR as age_band,
        sex::VARCHAR as sex,
        ethnic_group::VARCHAR as ethnic_group,
        disability::VARCHAR as disability
    from latest
)

select * from final
