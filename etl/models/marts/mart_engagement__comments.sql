-- one row per published resident comment (ideas, Q&A, stories, forum posts, Places pins), with
-- email addresses and phone numbers a resident typed removed; always rendered escaped
with contributions as (
    select * from core_contributions
    where contribution_text is not null or lat is not null
),

periods as (
    select * from core_periods where period_type = 'quarter'
),

redacted as (
    select
        *,
        regexp_replace(
            regexp_replace(
                contribution_text,
                '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', '[email removed]', 'g'
            ),
            '(\+44\s?|\b0)(\d[\s-]?){9,10}\b', '[phone removed]', 'g'
        ) as comment_text
    from contributions
),

final as (
    select
        redacted.contribution_id::varchar as contribution_id,
        redacted.project_id::varchar as project_id,
        redacted.tool::varchar as tool,
        redacted.submitted_on::date as submitted_on,
        periods.fy_label::varchar as fy_label,
        periods.period_label::varchar as quarter_label,
        redacted.cluster_slug::varchar as cluster_slug,
        redacted.lat::double as lat,
        redacted.lon::double as lon,
        redacted.sentiment::varchar as sentiment,
        redacted.comment_text::varchar as comment_text,
        (redacted.answered_at is not null)::boolean as is_answered
    from redacted
    left join periods
        on redacted.submitted_on between periods.period_start and periods.period_end
)

select * from final
