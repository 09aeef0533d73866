-- one row per registered portal participant (pseudonymised), with home cluster and characteristics
with participants as (
    select * from stg_portal__participants
),

wards as (
    select * from core_ward_clusters
),

final as (
    select
        participants.participant_id::varchar as participant_id,
        participants.registered_on::date as registered_on,
        participants.ward_code::varchar as ward_code,
        wards.cluster_slug::varchar as cluster_slug,
        coalesce(participants.age_band, 'Not answered')::varchar as age_band,
        coalesce(participants.sex, 'Not answered')::varchar as sex,
        coalesce(participants.ethnic_group, 'Not answered')::varchar as ethnic_group,
        coalesce(participants.disability, 'Not answered')::varchar as disability
    from participants
    left join wards
        on wards.ward_code = participants.ward_code
        and participants.registered_on between wards.valid_from and wards.valid_to
)

select * from final
