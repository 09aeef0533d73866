-- one row per snapshot per characteristic: how many staff disclosed it (commitment EQU-14)
-- Disclosed = a substantive answer; blank ("Not disclosed") and "Prefer not to say" are not.
with representation as (
    select * from mart_equality__representation
    where breakdown = 'All staff'
),

counted as (
    select
        snapshot_year,
        snapshot_on,
        characteristic,
        sum(n_staff) as n_staff,
        sum(n_staff) filter (where is_disclosed) as n_disclosed,
        sum(n_staff) filter (where category = 'Prefer not to say') as n_prefer_not_to_say,
        sum(n_staff) filter (where category = 'Not disclosed') as n_not_recorded
    from representation
    group by snapshot_year, snapshot_on, characteristic
),

final as (
    select
        snapshot_year::integer as snapshot_year,
        snapshot_on::date as snapshot_on,
        characteristic::varchar as characteristic,
        n_staff::bigint as n_staff,
        coalesce(n_disclosed, 0)::bigint as n_disclosed,
        coalesce(n_prefer_not_to_say, 0)::bigint as n_prefer_not_to_say,
        coalesce(n_not_recorded, 0)::bigint as n_not_recorded,
        (100.0 * coalesce(n_disclosed, 0) / n_staff)::double as disclosure_rate_percent,
        (
            100.0 * coalesce(n_disclosed, 0) / n_staff
            - lag(100.0 * coalesce(n_disclosed, 0) / n_staff) over (
                partition by characteristic order by snapshot_year
            )
        )::double as change_on_previous_points
    from counted
)

select * from final
