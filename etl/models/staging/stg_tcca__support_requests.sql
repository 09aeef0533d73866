-- one row per request for support (latest extract wins)
with source as (
    select * from raw_tcca__support_requests
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by request_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        request_id::VARCHAR as request_id,
        received_at::TIMESTAMP as received_at,
        ward_code::VARCHAR as ward_code,
        need::VARCHAR as need,
        referral_source::VARCHAR as referral_source,
        outcome::VARCHAR as outcome,
        fulfilled_at::TIMESTAMP as fulfilled_at,
        volunteer_id::VARCHAR as volunteer_id
    from latest
)

select * from final
