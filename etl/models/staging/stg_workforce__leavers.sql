-- one row per employee leaving (latest extract wins)
with source as (
    select * from raw_workforce__leavers
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by employee_id, leaving_date order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        employee_id::VARCHAR as employee_id,
        leaving_date::DATE as left_on,
        directorate::VARCHAR as directorate,
        reason::VARCHAR as reason
    from latest
)

select * from final
