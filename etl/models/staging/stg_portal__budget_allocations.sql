-- one row per budget line a participant allocated money to (latest extract wins)
with source as (
    select * from raw_portal__budget_allocations
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by allocation_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        allocation_id::VARCHAR as allocation_id,
        project_id::VARCHAR as project_id,
        participant_id::VARCHAR as participant_id,
        budget_line::VARCHAR as budget_line,
        allocated_gbp::DOUBLE as allocated_gbp,
        submitted_at::TIMESTAMP as submitted_at
    from latest
)

select * from final
