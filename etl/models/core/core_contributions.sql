-- one row per contribution, placed in its neighbourhood cluster at the time it was made
with contributions as (
    select * from stg_portal__contributions
),

wards as (
    select * from core_ward_clusters
),

final as (
    select
        contributions.contribution_id::varchar as contribution_id,
        contributions.project_id::varchar as project_id,
        contributions.participant_id::varchar as participant_id,
        contributions.tool::varchar as tool,
        contributions.submitted_at::timestamp as submitted_at,
        contributions.submitted_at::date as submitted_on,
        contributions.ward_code::varchar as ward_code,
        wards.cluster_slug::varchar as cluster_slug,
        contributions.lat::double as lat,
        contributions.lon::double as lon,
        contributions.sentiment::varchar as sentiment,
        contributions.contribution_text::varchar as contribution_text,
        contributions.answered_at::timestamp as answered_at,
        (date_diff('second', contributions.submitted_at, contributions.answered_at) / 86400.0)::double
            as days_to_answer
    from contributions
    left join wards
        on wards.ward_code = contributions.ward_code
        and contributions.submitted_at::date between wards.valid_from and wards.valid_to
)

select * from final
