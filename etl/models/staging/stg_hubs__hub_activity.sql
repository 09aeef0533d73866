-- one row per hub per day it was open (latest extract wins)
with source as (
    select * from raw_hubs__hub_activity
),

latest as (
    select *
    from source
    qualify row_number() over (
        partition by hub_id, activity_on order by _extract_seq desc, _row desc
    ) = 1
),

final as (
    select
        hub_id::VARCHAR as hub_id,
        activity_on::DATE as activity_on,
        drop_ins::BIGINT as drop_ins,
        events::BIGINT as events,
        digital_help::BIGINT as digital_help,
        advice_sessions::BIGINT as advice_sessions,
        attendees::BIGINT as attendees,
        volunteer_hours::DOUBLE as volunteer_hours
    from latest
)

select * from final
