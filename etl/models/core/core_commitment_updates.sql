-- one row per framework commitment per quarter it was reported on
with updates as (
    select * from stg_commitments__updates
),

commitments as (
    select * from ref_commitments
),

final as (
    select
        updates.commitment_id::varchar as commitment_id,
        commitments.theme::varchar as theme,
        commitments.commitment::varchar as commitment,
        updates.quarter::varchar as quarter_label,
        left(updates.quarter, 7)::varchar as fy_label,
        right(updates.quarter, 1)::integer as quarter,
        updates.rag::varchar as rag,
        (updates.rag in ('Green', 'Complete'))::boolean as is_on_track,
        updates.percent_complete::integer as percent_complete,
        updates.lead_directorate::varchar as lead_directorate,
        updates.commentary::varchar as commentary
    from updates
    join commitments on commitments.commitment_id = updates.commitment_id
)

select * from final
