-- one row per project per day (latest extract wins)
with source as (
    select * from raw_portal__site_visits
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by project_id, visit_on order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        project_id::VARCHAR as project_id,
        visit_on::DATE as visit_on,
        aware::BIGINT as aware,
        informed::BIGINT as informed,
        engaged::BIGINT as engaged
    from latest
)

select * from final
