-- one row per engagement project (latest extract wins)
with source as (
    select * from raw_portal__projects
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by project_id order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        project_id::VARCHAR as project_id,
        title::VARCHAR as title,
        service::VARCHAR as service,
        theme::VARCHAR as theme,
        kind::VARCHAR as kind,
        area::VARCHAR as area,
        opened_on::DATE as opened_on,
        closed_on::DATE as closed_on,
        feedback_published_on::DATE as feedback_published_on,
        pb_budget_gbp::DOUBLE as pb_budget_gbp
    from latest
)

select * from final
