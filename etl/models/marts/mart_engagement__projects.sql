-- one row per engagement project: the project explorer's figures, feedback status and budget
with projects as (
    select * from core_projects
),

contributions as (
    select * from core_contributions
),

visits as (
    select * from stg_portal__site_visits
),

allocations as (
    select * from stg_portal__budget_allocations
),

areas as (
    select * from core_areas
),

catalogue as (
    select * from ref_metric_catalogue
),

-- "as at": the latest day the portal extracts describe, so overdue is judged on the data's date
as_at as (
    select greatest(
        (select max(submitted_on) from contributions),
        (select max(visit_on) from visits),
        (select max(greatest(opened_on, coalesce(closed_on, opened_on),
                             coalesce(feedback_published_on, opened_on))) from projects)
    ) as as_at_date
),

feedback_target as (
    select coalesce(
        (select target from catalogue where metric_id = 'eng_median_days_to_feedback'), 42
    ) as target_days
),

contributed as (
    select
        project_id,
        count(*) as n_contributions,
        count(distinct participant_id) as n_participants,
        count(*) filter (where tool = 'questions') as n_questions,
        count(*) filter (where tool = 'questions' and answered_at is not null) as n_answered
    from contributions
    group by project_id
),

visited as (
    select
        project_id,
        sum(aware) as aware,
        sum(informed) as informed,
        sum(engaged) as engaged
    from visits
    group by project_id
),

allocated as (
    select
        project_id,
        sum(allocated_gbp) as pb_allocated_gbp,
        count(distinct participant_id) as pb_n_allocators
    from allocations
    group by project_id
),

final as (
    select
        projects.project_id::varchar as project_id,
        projects.title::varchar as title,
        projects.service::varchar as service,
        projects.theme::varchar as theme,
        projects.kind::varchar as kind,
        projects.area_slug::varchar as area_slug,
        areas.area_name::varchar as area_name,
        projects.opened_on::date as opened_on,
        projects.closed_on::date as closed_on,
        projects.feedback_published_on::date as feedback_published_on,
        projects.days_to_feedback::integer as days_to_feedback,
        (case when projects.is_closed and not projects.is_feedback_published
              then date_diff('day', projects.closed_on, as_at.as_at_date) end)::integer
            as days_waiting_for_feedback,
        (case
            when not projects.is_closed then 'open'
            when projects.is_feedback_published then 'feedback published'
            when date_diff('day', projects.closed_on, as_at.as_at_date)
                > feedback_target.target_days then 'feedback overdue'
            else 'awaiting feedback'
        end)::varchar as status,
        feedback_target.target_days::integer as feedback_target_days,
        as_at.as_at_date::date as as_at_date,
        coalesce(contributed.n_contributions, 0)::bigint as n_contributions,
        coalesce(contributed.n_participants, 0)::bigint as n_participants,
        coalesce(contributed.n_questions, 0)::bigint as n_questions,
        coalesce(contributed.n_answered, 0)::bigint as n_answered,
        coalesce(visited.aware, 0)::bigint as aware,
        coalesce(visited.informed, 0)::bigint as informed,
        coalesce(visited.engaged, 0)::bigint as engaged,
        projects.pb_budget_gbp::double as pb_budget_gbp,
        allocated.pb_allocated_gbp::double as pb_allocated_gbp,
        coalesce(allocated.pb_n_allocators, 0)::bigint as pb_n_allocators
    from projects
    cross join as_at
    cross join feedback_target
    join areas on areas.area_slug = projects.area_slug
    left join contributed using (project_id)
    left join visited using (project_id)
    left join allocated using (project_id)
)

select * from final
