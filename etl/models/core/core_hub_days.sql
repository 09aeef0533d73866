-- one row per hub per day it reported activity
with activity as (
    select * from stg_hubs__hub_activity
),

hubs as (
    select * from ref_hubs
),

final as (
    select
        activity.hub_id::varchar as hub_id,
        hubs.hub_name::varchar as hub_name,
        hubs.cluster_slug::varchar as cluster_slug,
        hubs.in_library::boolean as is_in_library,
        activity.activity_on::date as activity_on,
        activity.drop_ins::integer as n_drop_ins,
        activity.events::integer as n_events,
        activity.digital_help::integer as n_digital_help,
        activity.advice_sessions::integer as n_advice_sessions,
        activity.attendees::integer as n_event_attendees,
        (activity.drop_ins + activity.attendees)::integer as n_attendances,
        activity.volunteer_hours::double as volunteer_hours
    from activity
    join hubs on hubs.hub_id = activity.hub_id
)

select * from final
