-- one row per petition: signatures against the threshold and how long the council took to respond
with petitions as (
    select * from stg_portal__petitions
),

areas as (
    select * from core_areas
),

periods as (
    select * from core_periods where period_type = 'quarter'
),

final as (
    select
        petitions.petition_id::varchar as petition_id,
        petitions.project_id::varchar as project_id,
        petitions.title::varchar as title,
        petitions.area::varchar as area_slug,
        areas.area_name::varchar as area_name,
        petitions.created_on::date as created_on,
        periods.fy_label::varchar as fy_label,
        periods.period_label::varchar as quarter_label,
        petitions.closed_on::date as closed_on,
        petitions.signatures::bigint as signatures,
        petitions.threshold::bigint as threshold,
        (petitions.signatures >= petitions.threshold)::boolean as reached_threshold,
        petitions.response_on::date as response_on,
        date_diff('day', petitions.created_on, petitions.response_on)::integer as days_to_response
    from petitions
    join areas on areas.area_slug = petitions.area
    left join periods
        on petitions.created_on between periods.period_start and periods.period_end
)

select * from final
