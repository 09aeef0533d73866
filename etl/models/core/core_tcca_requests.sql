-- one row per TCCA support request, with its cluster and time to fulfil (null if never fulfilled)
with requests as (
    select * from stg_tcca__support_requests
),

wards as (
    select * from core_ward_clusters
),

final as (
    select
        requests.request_id::varchar as request_id,
        requests.received_at::timestamp as received_at,
        requests.ward_code::varchar as ward_code,
        wards.cluster_slug::varchar as cluster_slug,
        requests.need::varchar as need,
        requests.referral_source::varchar as referral_source,
        requests.outcome::varchar as outcome,
        requests.fulfilled_at::timestamp as fulfilled_at,
        (date_diff('second', requests.received_at, requests.fulfilled_at) / 3600.0)::double
            as hours_to_fulfil,
        (requests.fulfilled_at is not null)::boolean as is_fulfilled,
        requests.volunteer_id::varchar as volunteer_id
    from requests
    left join wards
        on wards.ward_code = requests.ward_code
        and requests.received_at::date between wards.valid_from and wards.valid_to
)

select * from final
