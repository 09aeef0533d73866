-- one row per contribution (survey response, poll vote, idea, question, story, forum post, Places pin, budget submission, petition signature) (latest extract wins)
with source as (
    select * from raw_portal__contributions
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by contribution_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        contribution_id::VARCHAR as contribution_id,
        project_id::VARCHAR as project_id,
        participant_id::VARCHAR as participant_id,
        tool::VARCHAR as tool,
        submitted_at::TIMESTAMP as submitted_at,
        ward_code::VARCHAR as ward_code,
        lat::DOUBLE as lat,
        lon::DOUBLE as lon,
        sentiment::VARCHAR as sentiment,
        text::VARCHAR as contribution_text,
        answered_at::TIMESTAMP as answered_at
    from latest
)

select * from final
