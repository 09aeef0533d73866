-- one row per engagement project, with its cluster (null when borough-wide) and feedback timing
with projects as (
    select * from stg_portal__projects
),

final as (
    select
        project_id::varchar as project_id,
        title::varchar as title,
        service::varchar as service,
        theme::varchar as theme,
        kind::varchar as kind,
        area::varchar as area_slug,
        (case when area = 'borough' then null else area end)::varchar as cluster_slug,
        opened_on::date as opened_on,
        closed_on::date as closed_on,
        feedback_published_on::date as feedback_published_on,
        (closed_on is not null)::boolean as is_closed,
        (feedback_published_on is not null)::boolean as is_feedback_published,
        date_diff('day', closed_on, feedback_published_on)::integer as days_to_feedback,
        pb_budget_gbp::double as pb_budget_gbp
    from projects
)

select * from final
