-- one row per snapshot (the financial year ending at it) per characteristic per category:
-- headcount at the start and end of the year, starters, leavers and turnover
--
-- Year = 1 April to 31 March ending at the snapshot. Starters: staff in this snapshot whose
-- service started in the year (people who joined and left within the year are not in any
-- snapshot, so are not counted as starters). Leavers: the leavers extract, leaving date in the
-- year, with characteristics from the previous 31 March snapshot; leavers not in it (joined
-- and left within the year) are "Not known".
-- turnover_percent = leavers / average of start and end headcount x 100. With no previous
-- snapshot there is no start headcount and no one to place leavers by: n_start, n_leavers and
-- the rate are null (no data), never 0. characteristic 'all_staff' holds the totals.
with workforce as (
    select * from core_workforce
),

leavers as (
    select * from stg_workforce__leavers
),

snapshots as (
    select distinct snapshot_on, (snapshot_on - interval 1 year)::date as previous_on
    from workforce
),

previous_exists as (
    select snapshots.snapshot_on, snapshots.previous_on,
        exists (select 1 from workforce where workforce.snapshot_on = snapshots.previous_on)
            as has_previous
    from snapshots
),

long as (
    unpivot (
        select
            snapshot_on, employee_id, started_on, 'All staff' as all_staff,
            sex, age_band, ethnic_group, disability, religion, sexual_orientation
        from workforce
    )
    on all_staff, sex, age_band, ethnic_group, disability, religion, sexual_orientation
    into name characteristic value category
),

at_end as (
    select long.snapshot_on, characteristic, category,
        count(*) as n_end,
        count(*) filter (where long.started_on > previous_exists.previous_on) as n_starters
    from long
    join previous_exists using (snapshot_on)
    group by all
),

at_start as (
    select previous_exists.snapshot_on, characteristic, category, count(*) as n_start
    from long
    join previous_exists on long.snapshot_on = previous_exists.previous_on
    group by all
),

characteristics as (
    select distinct characteristic from long
),

leavers_placed as (
    select
        previous_exists.snapshot_on,
        characteristics.characteristic,
        case
            when characteristics.characteristic = 'all_staff' then 'All staff'
            else coalesce(long.category, 'Not known')
        end as category,
        count(*) as n_leavers
    from leavers
    join previous_exists
        on leavers.left_on > previous_exists.previous_on
        and leavers.left_on <= previous_exists.snapshot_on
    cross join characteristics
    left join long
        on long.snapshot_on = previous_exists.previous_on
        and long.employee_id = leavers.employee_id
        and long.characteristic = characteristics.characteristic
    group by all
),

keys as (
    select snapshot_on, characteristic, category from at_end
    union
    select snapshot_on, characteristic, category from at_start
    union
    select snapshot_on, characteristic, category from leavers_placed
),

final as (
    select
        year(keys.snapshot_on)::integer as snapshot_year,
        keys.snapshot_on::date as snapshot_on,
        fy_label(keys.snapshot_on)::varchar as fy_label,
        keys.characteristic::varchar as characteristic,
        keys.category::varchar as category,
        case when previous_exists.has_previous then coalesce(at_start.n_start, 0) end
            ::bigint as n_start,
        coalesce(at_end.n_end, 0)::bigint as n_end,
        coalesce(at_end.n_starters, 0)::bigint as n_starters,
        case when previous_exists.has_previous then coalesce(leavers_placed.n_leavers, 0) end
            ::bigint as n_leavers,
        case when previous_exists.has_previous then
            100.0 * coalesce(leavers_placed.n_leavers, 0)
            / nullif((coalesce(at_start.n_start, 0) + coalesce(at_end.n_end, 0)) / 2.0, 0)
        end::double as turnover_percent
    from keys
    join previous_exists using (snapshot_on)
    left join at_end using (snapshot_on, characteristic, category)
    left join at_start using (snapshot_on, characteristic, category)
    left join leavers_placed using (snapshot_on, characteristic, category)
)

select * from final
